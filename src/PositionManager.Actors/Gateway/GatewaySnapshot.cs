namespace PositionManager.Actors.Gateway;

/// <summary>The journaled form of <see cref="GatewayState"/> (plain lists, so its JSON is stable).</summary>
public sealed record GatewaySnapshot(IReadOnlyList<IntentRecord> Intents, IReadOnlyList<string> Outbox, bool Halted, string? HaltReason) : IPositionManagerMessage
{
    public static GatewaySnapshot Of(GatewayState state) =>
        new(state.Intents.Values.OrderBy(i => i.ReceivedAt).ToList(), state.Outbox, state.Halted, state.HaltReason);

    public GatewayState ToState() => GatewayState.Empty with
    {
        Intents = GatewayState.Empty.Intents.SetItems(Intents.Select(i => KeyValuePair.Create(i.IntentId, i))),
        Outbox = [.. Outbox],
        Halted = Halted,
        HaltReason = HaltReason,
    };
}
