using PositionManager.Actors.Gateway.Sequencing;
using static PositionManager.Actors.Gateway.GatewayInternals;

namespace PositionManager.Actors.Gateway;

/// <summary>The intent the outbox has in hand: the data of BrokerGateway's working state, owned by it alone.</summary>
internal sealed class WorkingIntent(string intentId, IntentProgress progress, Unjournaled? fresh, bool releasedFromHold)
{
    public string IntentId { get; } = intentId;

    public IntentProgress Progress { get; set; } = progress;

    /// <summary>Checked before it is journaled (it found the outbox idle); null once journaled.</summary>
    public Unjournaled? Fresh { get; set; } = fresh;

    /// <summary>Taken up by the market's opening after a hold: its submit says that the held intents go out.</summary>
    public bool ReleasedFromHold { get; set; } = releasedFromHold;

    /// <summary>The rules last ran on the crowd's shared read: its submit may take the crowd along.</summary>
    public bool CheckedOnSharedRead { get; set; }
}
