namespace PositionManager.Node.Configuration;

/// <summary>How a node finds the others: <c>PositionManager__Cluster__Discovery</c>.</summary>
public enum ClusterDiscovery
{
    /// <summary>Akka's own seed-node join (or a cluster of itself without seeds); no Akka.Management.</summary>
    Seeds,

    /// <summary>Cluster Bootstrap over Akka's <c>config</c> discovery: a fixed list of management endpoints.</summary>
    Config,

    /// <summary>Cluster Bootstrap over our <c>postgres</c> discovery: nodes heartbeat their endpoints into a table.</summary>
    Postgres,
}
