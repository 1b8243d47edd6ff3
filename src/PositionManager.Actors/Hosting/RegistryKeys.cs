namespace PositionManager.Actors.Hosting;

/// <summary>Akka.Hosting registry key of the "position" shard region.</summary>
public sealed class PositionRegion;

/// <summary>Akka.Hosting registry key of whatever receives close intents: the gateway singleton's proxy.</summary>
public sealed class GatewayProxy;

/// <summary>Akka.Hosting registry key of the price feed singleton's proxy.</summary>
public sealed class PriceFeedProxy;

/// <summary>Akka.Hosting registry key of the reconciler singleton's proxy.</summary>
public sealed class ReconcilerProxy;
