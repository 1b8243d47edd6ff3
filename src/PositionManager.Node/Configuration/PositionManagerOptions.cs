using Microsoft.Extensions.Configuration;
using PositionManager.Actors.Prices;
using PositionManager.Domain.Policies;

namespace PositionManager.Node.Configuration;

/// <summary>
/// Every application setting of a node (section <c>PositionManager</c>), read and validated at
/// start. Akka's own settings stay in hocon/; the Alpaca keys and URLs in Alpaca's APCA_* variables.
/// </summary>
/// <param name="Policies">The rules of <c>PositionManager:Policies</c> over the default policy of <see cref="ExitPolicy"/>.</param>
public sealed record PositionManagerOptions(
    string DataDirectory,
    ExitPolicyOptions ExitPolicy,
    PolicyBook Policies,
    MarketDataOptions MarketData,
    PositionsOptions Positions,
    GatewayOptions Gateway,
    ReconcileOptions Reconcile,
    JournalOptions Journal,
    ConsoleOptions Console,
    AdminOptions Admin,
    ClusterNodeOptions Cluster,
    BrokerOptions Broker,
    NotifyOptions Notify)
{
    public const string Section = "PositionManager";

    /// <exception cref="NodeSettingsException">Any setting is malformed, out of range or unknown; the message lists them all on one line.</exception>
    public static PositionManagerOptions Read(IConfiguration configuration)
    {
        var reader = new SettingsReader(configuration);
        // Each section in the record's order: its problems are listed in that order.
        var dataDirectory = reader.Text($"{Section}:DataDirectory") ?? "./data";
        var exitPolicy = ExitPolicyOptions.Read(reader);
        var policies = PolicyRulesOptions.Read(reader, exitPolicy);
        var marketData = MarketDataOptions.Read(reader);
        var options = new PositionManagerOptions(
            dataDirectory,
            exitPolicy,
            policies,
            marketData,
            PositionsOptions.Read(reader, marketData),
            GatewayOptions.Read(reader),
            ReconcileOptions.Read(reader),
            JournalOptions.Read(reader),
            ConsoleOptions.Read(reader),
            AdminOptions.Read(reader),
            ClusterNodeOptions.Read(reader),
            BrokerOptions.Read(reader),
            NotifyOptions.Read(reader));
        reader.RejectUnknown(Section, KnownKeys(policies.Rules.Count));
        return reader.Problems.Count == 0 ? options : throw new NodeSettingsException(reader.Problems);
    }

    /// <summary>The feed refuses what a position would: the same quote age limit.</summary>
    public PriceFeedSettings PriceFeedSettings() => new(MarketData.PollInterval, Positions.MaxQuoteAge);

    private static HashSet<string> KnownKeys(int rules)
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "DataDirectory" };
        (string Section, string[] Keys)[] sections =
        [
            (ExitPolicyOptions.Section, PolicyKeys.Names),
            .. Enumerable.Range(0, rules).Select(index => ($"{PolicyRulesOptions.Section}:{index}", PolicyRulesOptions.RuleKeys.ToArray())),
            (MarketDataOptions.Section, MarketDataOptions.Keys),
            (PositionsOptions.Section, PositionsOptions.Keys),
            (GatewayOptions.Section, GatewayOptions.Keys),
            (ReconcileOptions.Section, ReconcileOptions.Keys),
            (JournalOptions.Section, JournalOptions.Keys),
            (ConsoleOptions.Section, ConsoleOptions.Keys),
            (AdminOptions.Section, AdminOptions.Keys),
            (ClusterNodeOptions.Section, ClusterNodeOptions.Keys),
            (BrokerOptions.Section, BrokerOptions.Keys),
            (NotifyOptions.Section, NotifyOptions.Keys),
        ];
        foreach (var (section, keys) in sections)
        {
            var relative = section[(Section.Length + 1)..];
            known.UnionWith(keys.Select(key => $"{relative}:{key}"));
        }

        return known;
    }
}
