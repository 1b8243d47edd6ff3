using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace PositionManager.Actors.Serialization;

/// <summary>
/// Our one serializer for events, snapshots and remote messages: System.Text.Json with a
/// versioned string manifest per type (see <see cref="Manifests"/>), never Akka's default.
/// </summary>
public sealed class PositionManagerSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>
    /// Stored with every journaled event and snapshot, so it must never change. Akka.NET keeps 0-100
    /// for its own serializers (0 is its NullSerializer; its serializer ID table reserves 1-100);
    /// "0 to 40" is JVM Akka's range and the "0 to 16" in Akka.NET's own Serializer.Identifier
    /// comment is out of date. Akka.NET does not refuse a clash: a second serializer with the same
    /// id replaces the first (with a warning), so 4711 is kept clear of both.
    /// </summary>
    public const int Id = 4711;

    public override int Identifier => Id;

    public override string Manifest(object o) => Manifests.For(o.GetType());

    public override byte[] ToBinary(object obj) =>
        JsonSerializer.SerializeToUtf8Bytes(obj, TypeInfo(obj.GetType()));

    public override object FromBinary(byte[] bytes, string manifest)
    {
        var type = Manifests.TypeOf(manifest);
        try
        {
            return JsonSerializer.Deserialize(bytes, TypeInfo(type))
                ?? throw new SerializationException($"'{manifest}' deserialized to null");
        }
        catch (JsonException error)
        {
            throw new SerializationException($"'{manifest}' could not be read: {error.Message}", error);
        }
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo TypeInfo(Type type) =>
        PositionManagerJsonContext.Default.GetTypeInfo(type)
            ?? throw new SerializationException($"{type.FullName} is not in {nameof(PositionManagerJsonContext)}");
}
