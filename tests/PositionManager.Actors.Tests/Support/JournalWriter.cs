using Akka.Actor;
using Akka.Persistence;

namespace PositionManager.Actors.Tests.Support;

/// <summary>
/// Writes events and a snapshot under a persistence id as an older version of the system did, so
/// a test can recover today's actor from a journal it did not write itself.
/// </summary>
public sealed class JournalWriter(string persistenceId) : UntypedPersistentActor
{
    public sealed record Write(IReadOnlyList<object> Events, object? Snapshot) : INoSerializationVerificationNeeded;

    public sealed record Written : INoSerializationVerificationNeeded;

    private IActorRef? _replyTo;
    private object? _snapshot;

    public override string PersistenceId => persistenceId;

    public static Props Props(string persistenceId) => Akka.Actor.Props.Create(() => new JournalWriter(persistenceId));

    protected override void OnRecover(object message)
    {
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case Write write:
                _replyTo = Sender;
                _snapshot = write.Snapshot;
                var remaining = write.Events.Count;
                PersistAll(write.Events, _ =>
                {
                    if (--remaining == 0)
                    {
                        Done();
                    }
                });
                break;
            case SaveSnapshotSuccess:
                _replyTo!.Tell(new Written());
                break;
            case SaveSnapshotFailure failure:
                throw failure.Cause;
        }
    }

    private void Done()
    {
        if (_snapshot is null)
        {
            _replyTo!.Tell(new Written());
            return;
        }

        SaveSnapshot(_snapshot);
    }
}
