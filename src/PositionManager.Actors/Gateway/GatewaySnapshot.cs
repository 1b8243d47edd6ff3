namespace PositionManager.Actors.Gateway;

/// <summary>The journaled form of <see cref="GatewayState"/> (plain lists, so its JSON is stable).</summary>
/// <param name="Completed">Done intents in the order they became done, oldest first: the order in which they are forgotten.</param>
public sealed record GatewaySnapshot(IReadOnlyList<IntentRecord> Intents, IReadOnlyList<string> Outbox, IReadOnlyList<string> Completed, bool Halted, string? HaltReason) : IPositionManagerMessage
{
    public static GatewaySnapshot Of(GatewayState state) =>
        new(state.Intents.Values.OrderBy(i => i.ReceivedAt).ThenBy(i => i.IntentId, StringComparer.Ordinal).ToList(), state.Outbox, state.Completed, state.Halted, state.HaltReason);

    /// <param name="retainCompleted">The recovering node's limit; a snapshot taken under a larger one is cut down to it.</param>
    public GatewayState ToState(int retainCompleted) => (GatewayState.Retaining(retainCompleted) with
    {
        Intents = GatewayState.Empty.Intents.SetItems(Intents.Select(i => KeyValuePair.Create(i.IntentId, i))),
        Outbox = [.. Outbox],
        Completed = [.. Completed],
        Halted = Halted,
        HaltReason = HaltReason,
    }).WithinRetention();
}
