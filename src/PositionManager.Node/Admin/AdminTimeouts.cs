namespace PositionManager.Node.Admin;

/// <param name="Query">How long an actor may take to answer an operator's question.</param>
/// <param name="Reconcile">A reconcile pass reads the broker and asks every position: it may take longer.</param>
public sealed record AdminTimeouts(TimeSpan Query, TimeSpan Reconcile)
{
    public static AdminTimeouts Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));
}
