namespace PositionManager.Actors.Reconciliation;

public static class ReconcilerProtocol
{
    /// <summary>Run a pass now (after the one running, if any); answered with <see cref="ReconcileCompleted"/>.</summary>
    public sealed record ReconcileNow : IPositionManagerMessage
    {
        public static readonly ReconcileNow Instance = new();
    }

    /// <summary>One pass's outcome; <see cref="Failure"/> set when the broker could not be read (nothing changed).</summary>
    public sealed record ReconcileCompleted(
        DateTimeOffset At,
        int BrokerPositions,
        IReadOnlyList<string> Adopted,
        IReadOnlyList<string> MarkedFlat,
        IReadOnlyList<ReconcilerAlert> Alerts,
        string? Failure) : IPositionManagerMessage;

    public sealed record GetAlerts : IPositionManagerMessage
    {
        public static readonly GetAlerts Instance = new();
    }

    public sealed record AlertList(IReadOnlyList<ReconcilerAlert> Alerts) : IPositionManagerMessage;

    /// <summary>The feed asks which positions to price; answered with <see cref="Prices.PriceFeedProtocol.Watch"/>.</summary>
    public sealed record GetWatched : IPositionManagerMessage
    {
        public static readonly GetWatched Instance = new();
    }
}
