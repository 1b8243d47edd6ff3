namespace PositionManager.IntegrationTests.Support;

/// <summary>Where each node of a test cluster lives and listens, and how it reaches the broker and the journal.</summary>
/// <param name="Launcher">The command prefix a node runs under (a network namespace), or null.</param>
public sealed record ClusterLayout(
    IReadOnlyList<string> Hosts,
    IReadOnlyList<int> RemotingPorts,
    IReadOnlyList<int> AdminPorts,
    Func<int, IReadOnlyList<string>?> Launcher,
    Uri BrokerUrl,
    string JournalConnection)
{
    /// <summary>Every node on 127.0.0.1 with ports free now.</summary>
    public static ClusterLayout Loopback(int count, Uri brokerUrl, string journalConnection)
    {
        var ports = FreePorts.Take(2 * count);
        return new ClusterLayout([.. Enumerable.Repeat("127.0.0.1", count)], ports[..count], ports[count..], _ => null, brokerUrl, journalConnection);
    }
}
