namespace PositionManager.Actors.Gateway;

/// <summary>
/// The gateway's snapshot as written before done intents were forgotten (manifest gateway.Snapshot.v1):
/// still read, no longer written. The order in which its done intents became done was not kept, so
/// they are forgotten in the order it lists them, that of their arrival.
/// </summary>
public sealed record GatewaySnapshotV1(IReadOnlyList<IntentRecord> Intents, IReadOnlyList<string> Outbox, bool Halted, string? HaltReason) : IPositionManagerMessage
{
    public GatewayState ToState(int retainCompleted) =>
        new GatewaySnapshot(Intents, Outbox, [.. Intents.Where(i => i.IsDone).Select(i => i.IntentId)], Halted, HaltReason).ToState(retainCompleted);
}
