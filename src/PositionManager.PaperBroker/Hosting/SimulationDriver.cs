using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Market;
using PositionManager.PaperBroker.Time;

namespace PositionManager.PaperBroker.Hosting;

/// <summary>
/// Moves the simulation: under a <see cref="ManualTimeProvider"/> a test (or the control API)
/// advances time and then works due orders; on the system clock a background loop pumps instead.
/// </summary>
public sealed class SimulationDriver(TimeProvider time, PaperAccount account, MarketSimulator market)
{
    public bool IsManual => time is ManualTimeProvider;

    /// <summary>Works every order whose fill time has come; returns the fills made.</summary>
    public int Pump() => account.Pump();

    /// <summary>Advances the manual clock and works what became due; returns the fills made.</summary>
    public int Advance(TimeSpan by)
    {
        if (time is not ManualTimeProvider manual)
        {
            throw new InvalidOperationException("the broker runs on the system clock; start it with a ManualTimeProvider to advance time");
        }

        manual.Advance(by);
        market.NotifyTimeMoved();
        return account.Pump();
    }
}
