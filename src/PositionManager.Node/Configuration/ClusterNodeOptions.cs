namespace PositionManager.Node.Configuration;

/// <summary>
/// <c>PositionManager:Cluster</c>: where this node's Akka remoting listens and how it finds the
/// others. With the default <c>seeds</c> discovery and no seeds the node forms a cluster of itself;
/// with seeds (their first one forms the cluster when it is this node) every member needs a fixed
/// port the others can reach. With <c>config</c> or <c>postgres</c> Cluster Bootstrap forms the
/// cluster (<see cref="Formation"/>).
/// </summary>
public sealed record ClusterNodeOptions(string Hostname, int Port, IReadOnlyList<string> SeedNodes, ClusterFormationOptions Formation)
{
    public const string Section = "PositionManager:Cluster";

    public static readonly string[] Keys = ["Hostname", "Port", "SeedNodes", .. ClusterFormationOptions.Keys];

    private const string AddressPrefix = "akka.tcp://position-manager@";

    internal static ClusterNodeOptions Read(SettingsReader reader)
    {
        var hostname = reader.Text($"{Section}:Hostname") ?? "127.0.0.1";
        var portKey = $"{Section}:Port";
        var port = 0;
        if (reader.Text(portKey) is { } portText && (!int.TryParse(portText, out port) || port is < 0 or > 65535))
        {
            reader.Problem(portKey, $"'{portText}' is not a port (0-65535)");
            port = 0;
        }

        var seedsKey = $"{Section}:SeedNodes";
        var seeds = (reader.Text(seedsKey) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var seed in seeds.Where(s => !IsAddress(s)))
        {
            reader.Problem(seedsKey, $"'{seed}' is not {AddressPrefix}<host>:<port>");
        }

        if (seeds.Length > 0 && port == 0)
        {
            reader.Problem(portKey, "a member of a multi-node cluster needs a fixed port that the others can reach");
        }

        return new ClusterNodeOptions(hostname, port, seeds, ClusterFormationOptions.Read(reader, Section, seeds.Length > 0));
    }

    private static bool IsAddress(string seed) =>
        seed.StartsWith(AddressPrefix, StringComparison.Ordinal)
        && seed[AddressPrefix.Length..].Split(':') is [{ Length: > 0 }, var port]
        && int.TryParse(port, out var number) && number is > 0 and <= 65535;
}
