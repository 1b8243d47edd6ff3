using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Serialization;

namespace PositionManager.TestSupport;

/// <summary>
/// For the few Akka plugin-internal messages that an actor sends to itself and that can never
/// cross a node (they carry tasks and callbacks): serialize-messages checks them too, so in tests
/// they pass by reference. Listed by name in <see cref="TestConfig"/>; our own types never are.
/// </summary>
public sealed class LocalOnlySerializer(ExtendedActorSystem system) : Serializer(system)
{
    private static readonly ConcurrentDictionary<Guid, object> InFlight = new();

    public override int Identifier => 4791;

    public override bool IncludeManifest => false;

    public override byte[] ToBinary(object obj)
    {
        var key = Guid.NewGuid();
        InFlight[key] = obj;
        return key.ToByteArray();
    }

    public override object FromBinary(byte[] bytes, Type type) =>
        InFlight.TryRemove(new Guid(bytes), out var obj) ? obj : throw new InvalidOperationException("unknown local-only message");
}
