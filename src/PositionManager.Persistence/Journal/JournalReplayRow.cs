using Akka.Actor;
using Akka.Persistence;

namespace PositionManager.Persistence.Journal;

/// <summary>One journal row as a replay needs it.</summary>
internal sealed record JournalReplayRow(
    string PersistenceId,
    long SequenceNr,
    byte[] Message,
    string Manifest,
    int? SerializerId,
    string? WriterUuid,
    long Timestamp)
{
    /// <summary>As the plugin rebuilds it: the payload through the serializer that wrote it, the sender gone.</summary>
    public IPersistentRepresentation ToPersistent(Akka.Serialization.Serialization serialization)
    {
        var serializerId = SerializerId
            ?? throw new InvalidOperationException($"journal row {PersistenceId}#{SequenceNr} has no serializer id; rows written before Akka.Persistence.Sql recorded one are not supported");
        return new Persistent(
            payload: serialization.Deserialize(Message, serializerId, Manifest),
            sequenceNr: SequenceNr,
            persistenceId: PersistenceId,
            manifest: Manifest,
            isDeleted: false,
            sender: ActorRefs.NoSender,
            writerGuid: WriterUuid,
            timestamp: Timestamp);
    }
}
