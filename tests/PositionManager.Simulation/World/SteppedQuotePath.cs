using PositionManager.PaperBroker.Market;

namespace PositionManager.Simulation.World;

/// <summary>
/// The quote a scenario set last, served as is: crossed, zero or stamped in the past when the
/// scenario says so, which the broker's own paths never are.
/// </summary>
public sealed class SteppedQuotePath(SimQuote first) : IQuotePath
{
    private readonly Lock _gate = new();
    private SimQuote _quote = first;

    public void Set(SimQuote quote)
    {
        lock (_gate)
        {
            _quote = quote;
        }
    }

    public SimQuote QuoteAt(DateTimeOffset time)
    {
        lock (_gate)
        {
            return _quote;
        }
    }
}
