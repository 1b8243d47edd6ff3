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
    /// <summary>Akka reserves 0-40; the id is stored with every journaled event and must never change.</summary>
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
