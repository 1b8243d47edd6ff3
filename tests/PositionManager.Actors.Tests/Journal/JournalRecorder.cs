using Akka.Actor;
using Akka.Persistence;

namespace PositionManager.Actors.Tests.Journal;

/// <summary>A persistent actor that writes what it is told and remembers exactly what its recovery delivered.</summary>
public sealed class JournalRecorder : UntypedPersistentActor
{
    private readonly List<string> _recovered = [];
    private IActorRef _replyTo = ActorRefs.Nobody;

    public JournalRecorder(string persistenceId) => PersistenceId = persistenceId;

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId) => Akka.Actor.Props.Create(() => new JournalRecorder(persistenceId));

    public sealed record Write(IReadOnlyList<object> Events);

    public sealed record DeleteUpTo(long SequenceNr);

    public sealed record Snapshot(object State);

    public sealed record Report;

    /// <summary>Every event and snapshot recovery offered, described by sequence number, type and serialized bytes (a snapshot also by its time).</summary>
    public sealed record Recovered(IReadOnlyList<string> Entries, long LastSequenceNr);

    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case SnapshotOffer offer:
                _recovered.Add($"snapshot {offer.Metadata.SequenceNr} {offer.Metadata.Timestamp:O} {Describe(offer.Snapshot)}");
                break;
            case RecoveryCompleted:
                break;
            default:
                _recovered.Add($"event {LastSequenceNr} {Describe(message)}");
                break;
        }
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case Write write:
                var sender = Sender;
                PersistAll(write.Events, _ => { });
                DeferAsync(write, _ => sender.Tell(LastSequenceNr));
                break;
            case DeleteUpTo delete:
                _replyTo = Sender;
                DeleteMessages(delete.SequenceNr);
                break;
            case Snapshot snapshot:
                _replyTo = Sender;
                SaveSnapshot(snapshot.State);
                break;
            case DeleteMessagesSuccess or SaveSnapshotSuccess:
                _replyTo.Tell(message);
                break;
            case DeleteMessagesFailure or SaveSnapshotFailure:
                _replyTo.Tell(new Status.Failure(new InvalidOperationException(message.ToString())));
                break;
            case Report:
                Sender.Tell(new Recovered([.. _recovered], LastSequenceNr));
                break;
        }
    }

    private string Describe(object payload)
    {
        var serializer = Context.System.Serialization.FindSerializerFor(payload);
        return $"{payload.GetType().Name} {Convert.ToBase64String(serializer.ToBinary(payload))}";
    }
}
