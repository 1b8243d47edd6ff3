namespace PositionManager.Simulation.Scenarios;

/// <summary>One thing that happens in a scenario. A failing scenario is shortened by dropping steps.</summary>
public abstract record Step
{
    /// <summary>Time passes and the market moves: every contract's next quote, good or bad.</summary>
    public sealed record Market(TimeSpan Elapsed, IReadOnlyList<QuoteChange> Quotes) : Step;

    /// <summary>The broker misbehaves for the next requests or orders.</summary>
    public sealed record BrokerFault(FaultKind Kind, int Count) : Step;

    /// <summary>A person trades at the broker, beside the system.</summary>
    public sealed record Person(PersonAction Action, int Contract, int Quantity) : Step;

    /// <summary>The reconciler runs a pass.</summary>
    public sealed record Reconcile : Step;

    /// <summary>The actor system stops abruptly and starts again on the same journal.</summary>
    public sealed record NodeRestart : Step;
}
