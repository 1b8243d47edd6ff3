namespace PositionManager.Persistence.Discovery;

/// <summary>One node's Akka.Management endpoint as other nodes of <paramref name="ServiceName"/> reach it.</summary>
public sealed record ContactPoint(string ServiceName, string Host, int Port)
{
    public override string ToString() => $"{ServiceName} {Host}:{Port}";
}
