namespace PositionManager.Admin;

/// <summary>The admin endpoint's paths, shared by the node that serves them and the CLI that calls them.</summary>
public static class AdminRoutes
{
    public const string Prefix = "/admin/v1";

    /// <summary>The header that carries the admin token (also accepted: <c>Authorization: Bearer …</c>).</summary>
    public const string TokenHeader = "X-PM-Admin-Token";

    public const string Cluster = Prefix + "/cluster";
    public const string ClusterLeave = Prefix + "/cluster/leave";
    public const string ClusterDown = Prefix + "/cluster/down";
    public const string ClusterDownUnreachable = Prefix + "/cluster/down-unreachable";
    public const string ShardingRegions = Prefix + "/sharding/regions";
    public const string ShardingRegionStats = Prefix + "/sharding/region-stats";
    public const string ShardingShardStats = Prefix + "/sharding/shard-stats";
    public const string ActorHierarchy = Prefix + "/actors";
    public const string Positions = Prefix + "/positions";
    public const string Gateway = Prefix + "/gateway";
    public const string GatewayHalt = Prefix + "/gateway/halt";
    public const string GatewayResume = Prefix + "/gateway/resume";
    public const string Orders = Prefix + "/orders";
    public const string Alerts = Prefix + "/alerts";
    public const string Reconcile = Prefix + "/reconcile";
    public const string Nodes = Prefix + "/nodes";
    public const string PolicyRules = Prefix + "/policy/rules";
    public const string PolicyReapply = Prefix + "/policy/reapply";
    public const string Liveness = "/health/live";
    public const string Readiness = "/health/ready";
    public const string Metrics = "/metrics";

    /// <summary>The browser console's pages and assets (no data: every figure comes from the admin calls above).</summary>
    public const string Console = "/console";

    public static string Position(string symbol) => $"{Positions}/{Uri.EscapeDataString(symbol)}";

    public static string PositionHistory(string symbol) => $"{Position(symbol)}/history";

    public static string PositionChart(string symbol) => $"{Position(symbol)}/chart";

    public static string PositionClose(string symbol) => $"{Position(symbol)}/close";

    public static string PositionPolicy(string symbol) => $"{Position(symbol)}/policy";

    public static string PolicyExplain(string symbol) => $"{Prefix}/policy/explain/{Uri.EscapeDataString(symbol)}";

    /// <summary>GET previews, POST re-applies; <paramref name="rule"/> limits it to the positions the rules now give that rule.</summary>
    public static string PolicyReapplyFor(string? rule) => rule is { Length: > 0 } ? $"{PolicyReapply}?rule={Uri.EscapeDataString(rule)}" : PolicyReapply;
}
