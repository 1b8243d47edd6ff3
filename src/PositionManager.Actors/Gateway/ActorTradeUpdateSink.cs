using Akka.Actor;
using PositionManager.Alpaca.Streaming;

namespace PositionManager.Actors.Gateway;

/// <summary>Hands the stream's news to the gateway as messages, so the actor alone touches its state.</summary>
internal sealed class ActorTradeUpdateSink(IActorRef gateway) : ITradeUpdateSink
{
    public void OnListening() => gateway.Tell(GatewayInternals.StreamListening.Instance);

    public void OnDisconnected(string reason) => gateway.Tell(new GatewayInternals.StreamDown(reason));

    public void OnUpdate(TradeUpdate update) => gateway.Tell(new GatewayInternals.StreamUpdate(update));
}
