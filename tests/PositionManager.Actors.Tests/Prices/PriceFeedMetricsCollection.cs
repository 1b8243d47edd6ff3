namespace PositionManager.Actors.Tests.Prices;

/// <summary>
/// The feed's counters are process-wide (one meter), and the tests read them through a listener on
/// that meter: test classes that make a feed drop or forward quotes run one after the other, or one
/// class would count the other's drops.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PriceFeedMetricsCollection
{
    public const string Name = "price feed metrics";
}
