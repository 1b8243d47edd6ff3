using Npgsql;

namespace PositionManager.Node.Configuration;

/// <summary>
/// The formation part of <c>PositionManager:Cluster</c>: with <see cref="ClusterDiscovery.Seeds"/>
/// nothing here is used; otherwise Akka.Management serves <see cref="ManagementPort"/> on the
/// cluster hostname and Cluster Bootstrap looks up <see cref="ServiceName"/> through the chosen
/// discovery until <see cref="RequiredContactPoints"/> nodes answer.
/// </summary>
/// <param name="ContactPoints">The <c>config</c> discovery's fixed list of management endpoints (<c>host:port</c>).</param>
/// <param name="DiscoveryPostgres">The <c>postgres</c> discovery's connection string: its own setting, else the journal's.</param>
public sealed record ClusterFormationOptions(
    ClusterDiscovery Discovery,
    int ManagementPort,
    int RequiredContactPoints,
    string ServiceName,
    IReadOnlyList<string> ContactPoints,
    string? DiscoveryPostgres)
{
    /// <summary>Akka.Management's own default port.</summary>
    public const int DefaultManagementPort = 8558;

    public const string DefaultServiceName = "position-manager";

    public static readonly string[] Keys = ["Discovery", "ManagementPort", "RequiredContactPoints", "ServiceName", "ContactPoints", "DiscoveryPostgres"];

    public bool UsesBootstrap => Discovery != ClusterDiscovery.Seeds;

    internal static ClusterFormationOptions Read(SettingsReader reader, string section, bool hasSeedNodes)
    {
        var discoveryKey = $"{section}:Discovery";
        var discoveryText = reader.Text(discoveryKey);
        ClusterDiscovery? parsed = discoveryText?.ToLowerInvariant() switch
        {
            null or "seeds" => ClusterDiscovery.Seeds,
            "config" => ClusterDiscovery.Config,
            "postgres" => ClusterDiscovery.Postgres,
            _ => null,
        };
        if (parsed is not { } discovery)
        {
            reader.Problem(discoveryKey, $"'{discoveryText}' is not seeds, config or postgres");
            discovery = ClusterDiscovery.Seeds;
        }

        var managementPort = reader.Number($"{section}:ManagementPort", DefaultManagementPort, 1, 65535, "a port (1-65535)");
        var required = reader.Number($"{section}:RequiredContactPoints", 2, 1, 1000, "a number of nodes (1-1000)");
        var serviceName = reader.Text($"{section}:ServiceName") ?? DefaultServiceName;
        var contactPoints = ReadContactPoints(reader, $"{section}:ContactPoints");
        var postgresKey = $"{section}:DiscoveryPostgres";
        var postgres = reader.Text(postgresKey) ?? reader.Text($"{JournalOptions.Section}:Postgres");

        if (discovery != ClusterDiscovery.Seeds && hasSeedNodes)
        {
            reader.Problem(discoveryKey, $"{discovery.ToString().ToLowerInvariant()} forms the cluster through Cluster Bootstrap; unset {SettingsReader.VariableName($"{section}:SeedNodes")}");
        }

        if (discovery == ClusterDiscovery.Config && contactPoints.Count == 0)
        {
            reader.Problem(discoveryKey, $"config needs {SettingsReader.VariableName($"{section}:ContactPoints")} (host:port of each node's management endpoint)");
        }

        if (discovery == ClusterDiscovery.Postgres)
        {
            if (postgres is null)
            {
                reader.Problem(discoveryKey, $"postgres needs {SettingsReader.VariableName(postgresKey)} or {SettingsReader.VariableName($"{JournalOptions.Section}:Postgres")}");
            }
            else if (!IsConnectionString(postgres))
            {
                // The value is not echoed: it may hold a password.
                reader.Problem(postgresKey, "not a valid Npgsql connection string");
            }
        }

        return new ClusterFormationOptions(discovery, managementPort, required, serviceName, contactPoints, postgres);
    }

    private static List<string> ReadContactPoints(SettingsReader reader, string key)
    {
        var points = (reader.Text(key) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var point in points.Where(p => !(p.Split(':') is [{ Length: > 0 }, var port] && int.TryParse(port, out var number) && number is > 0 and <= 65535)))
        {
            reader.Problem(key, $"'{point}' is not <host>:<management port>");
        }

        return points;
    }

    private static bool IsConnectionString(string text)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
