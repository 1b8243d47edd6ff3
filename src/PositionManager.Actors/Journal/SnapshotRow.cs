using Akka.Persistence;

namespace PositionManager.Actors.Journal;

/// <summary>One snapshot row as a recovery needs it.</summary>
internal sealed record SnapshotRow(string PersistenceId, long SequenceNr, long CreatedTicks, byte[] Payload, string Manifest, int? SerializerId)
{
    /// <summary>As the plugin rebuilds it: the creation time from its ticks, the payload through the serializer that wrote it.</summary>
    public SelectedSnapshot ToSelectedSnapshot(Akka.Serialization.Serialization serialization)
    {
        var serializerId = SerializerId
            ?? throw new InvalidOperationException($"snapshot {PersistenceId}#{SequenceNr} has no serializer id; snapshots written before Akka.Persistence.Sql recorded one are not supported");
        return new SelectedSnapshot(
            new SnapshotMetadata(PersistenceId, SequenceNr, new DateTime(CreatedTicks)),
            serialization.Deserialize(Payload, serializerId, Manifest));
    }
}
