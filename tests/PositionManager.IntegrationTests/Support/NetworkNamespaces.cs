using System.Diagnostics;
using System.Net;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// Network namespaces on one bridge (<c>ip netns</c>, root only): each node gets its own network
/// stack and address, and a link the test can cut and restore. Without root this throws with a
/// loud reason: the partition scenario must fail there, never pass silently.
/// </summary>
public sealed class NetworkNamespaces : IDisposable
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..5];
    private readonly int _subnet = Random.Shared.Next(100, 250);
    private readonly int _count;

    private NetworkNamespaces(int count) => _count = count;

    /// <summary>The bridge's own address: where the test's relays listen for the namespaces.</summary>
    public IPAddress Bridge => IPAddress.Parse($"10.{_subnet}.{_subnet}.1");

    private string BridgeName => $"pmb{_tag}";

    public static NetworkNamespaces Create(int count)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            throw new InvalidOperationException($"the partition scenario needs root to create network namespaces (ip netns); running as '{Environment.UserName}' on {Environment.OSVersion}: FAILING, not skipping");
        }

        var namespaces = new NetworkNamespaces(count);
        try
        {
            namespaces.Build();
        }
        catch
        {
            namespaces.Dispose();
            throw;
        }

        return namespaces;
    }

    public string Namespace(int node) => $"pmn{_tag}{node}";

    public IPAddress Address(int node) => IPAddress.Parse($"10.{_subnet}.{_subnet}.{10 + node}");

    /// <summary>The command prefix that runs a process inside <paramref name="node"/>'s namespace.</summary>
    public IReadOnlyList<string> Launcher(int node) => ["ip", "netns", "exec", Namespace(node)];

    /// <summary>Takes the node's end of the bridge down: it can reach nothing, nothing reaches it.</summary>
    public void Cut(int node) => Ip("link", "set", HostEnd(node), "down");

    public void Restore(int node) => Ip("link", "set", HostEnd(node), "up");

    public void Dispose()
    {
        for (var node = 0; node < _count; node++)
        {
            TryIp("netns", "delete", Namespace(node));
        }

        TryIp("link", "delete", BridgeName);
    }

    private string HostEnd(int node) => $"pmh{_tag}{node}";

    private string NodeEnd(int node) => $"pmp{_tag}{node}";

    private void Build()
    {
        Ip("link", "add", BridgeName, "type", "bridge");
        Ip("addr", "add", $"{Bridge}/24", "dev", BridgeName);
        Ip("link", "set", BridgeName, "up");
        for (var node = 0; node < _count; node++)
        {
            Ip("netns", "add", Namespace(node));
            Ip("link", "add", HostEnd(node), "type", "veth", "peer", "name", NodeEnd(node));
            Ip("link", "set", NodeEnd(node), "netns", Namespace(node));
            Ip("link", "set", HostEnd(node), "master", BridgeName);
            Ip("link", "set", HostEnd(node), "up");
            Ip("-n", Namespace(node), "link", "set", "lo", "up");
            Ip("-n", Namespace(node), "addr", "add", $"{Address(node)}/24", "dev", NodeEnd(node));
            Ip("-n", Namespace(node), "link", "set", NodeEnd(node), "up");
        }
    }

    private static void Ip(params string[] args)
    {
        var (code, error) = Run(args);
        if (code != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', args)} failed ({code}): {error}");
        }
    }

    private static void TryIp(params string[] args) => Run(args);

    private static (int Code, string Error) Run(string[] args)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ip did not start");
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Trim());
    }
}
