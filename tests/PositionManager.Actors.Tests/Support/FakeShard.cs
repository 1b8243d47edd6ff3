using Akka.Actor;
using Akka.Cluster.Sharding;

namespace PositionManager.Actors.Tests.Support;

/// <summary>
/// Stands in for a shard as the entity's parent, as a shard behaves: forwards messages to the
/// entity, answers Passivate by sending the stop message back (telling the observer), and starts
/// the entity again when a message arrives after it stopped.
/// </summary>
public sealed class FakeShard : ReceiveActor
{
    private readonly Props _entity;
    private IActorRef? _child;
    private int _incarnation;

    public FakeShard(Props entity, IActorRef observer)
    {
        _entity = entity;
        StartEntity();
        Receive<Passivate>(passivate =>
        {
            observer.Tell(new Passivated(Sender.Path.ToString()));
            Sender.Tell(passivate.StopMessage);
        });
        Receive<Terminated>(terminated =>
        {
            if (terminated.ActorRef.Equals(_child))
            {
                _child = null;
            }
        });
        ReceiveAny(message => (_child ?? StartEntity()).Forward(message));
    }

    public static Props Props(Props entity, IActorRef observer) => Akka.Actor.Props.Create(() => new FakeShard(entity, observer));

    private IActorRef StartEntity()
    {
        _child = Context.Watch(Context.ActorOf(_entity, $"entity-{++_incarnation}"));
        return _child;
    }

    public sealed record Passivated(string EntityPath) : INoSerializationVerificationNeeded;
}
