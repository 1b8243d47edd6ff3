using Akka.Actor;
using PositionManager.Actors.Market;

namespace PositionManager.Actors.Positions;

/// <summary>
/// Creates a position by calling its constructor. Props.Create with an expression evaluates the
/// arguments from the expression tree and builds the actor through reflection, for every one of
/// thousands of entities a shard starts; the Props also keep the argument array and a producer of
/// their own for each entity's lifetime.
/// </summary>
internal sealed class PositionActorProducer(string positionId, PositionSettings settings, IActorRef gateway, TimeProvider clock, Func<IActorRef?>? closedListener, IMarketView market) : IIndirectActorProducer
{
    public Type ActorType => typeof(PositionActor);

    public ActorBase Produce() => new PositionActor(positionId, settings, gateway, clock, closedListener, market);

    public void Release(ActorBase actor)
    {
    }
}
