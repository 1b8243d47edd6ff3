using PositionManager.Actors.Gateway;
using PositionManager.Alpaca.Streaming;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Actors.Hosting;

/// <summary>What the gateway singleton needs: the broker's trading API, its trade stream (optional: without it orders are polled), and settings.</summary>
public sealed record BrokerGatewaySetup(IBrokerClient Broker, ITradeUpdateSource? Stream, GatewaySettings Settings);
