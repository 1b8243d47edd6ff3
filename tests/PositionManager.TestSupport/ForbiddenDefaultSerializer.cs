using Akka.Actor;
using Akka.Serialization;

namespace PositionManager.TestSupport;

/// <summary>
/// Bound to System.Object in tests, i.e. it is what the default serializer would be. Any type of
/// ours that reaches it lacks a binding to our JSON serializer and fails the test that sent it;
/// Akka's own local messages go on to the real default, as they would without this binding.
/// </summary>
public sealed class ForbiddenDefaultSerializer(ExtendedActorSystem system) : Serializer(system)
{
    private readonly NewtonSoftJsonSerializer _akkaDefault = new(system);

    public override int Identifier => 4790;

    public override bool IncludeManifest => _akkaDefault.IncludeManifest;

    public override byte[] ToBinary(object obj)
    {
        if (obj.GetType().FullName?.StartsWith("PositionManager.", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"{obj.GetType().FullName} has no serializer binding and would fall back to the default serializer");
        }

        return _akkaDefault.ToBinary(obj);
    }

    public override object FromBinary(byte[] bytes, Type type) => _akkaDefault.FromBinary(bytes, type);
}
