using Akka.Persistence;

namespace PositionManager.Persistence.Journal;

/// <summary>One snapshot row, as a recovery reads it and a save writes it.</summary>
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

    /// <summary>As the plugin writes it: the creation time as ticks, the payload through its serializer and manifest.</summary>
    public static SnapshotRow Of(SnapshotMetadata metadata, object snapshot, Akka.Serialization.Serialization serialization)
    {
        var serializer = serialization.FindSerializerFor(snapshot);
        var payload = Akka.Serialization.Serialization.WithTransport(serialization.System, (serializer, snapshot), static state => state.serializer.ToBinary(state.snapshot));
        var manifest = serializer switch
        {
            Akka.Serialization.SerializerWithStringManifest named => named.Manifest(snapshot),
            { IncludeManifest: true } => Akka.Util.TypeExtensions.TypeQualifiedName(snapshot.GetType()),
            _ => string.Empty,
        };
        return new SnapshotRow(metadata.PersistenceId, metadata.SequenceNr, metadata.Timestamp.Ticks, payload, manifest, serializer.Identifier);
    }
}
