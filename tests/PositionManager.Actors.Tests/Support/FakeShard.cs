using Akka.Actor;
using Akka.Cluster.Sharding;

namespace PositionManager.Actors.Tests.Support;

/// <summary>
/// Stands in for a shard as the entity's parent, as a shard behaves: forwards messages to the
/// entity, answers Passivate by sending the stop message back (telling the observer), and starts
/// the entity again when a message arrives after it stopped. Messages that arrive while the entity
/// is passivating are buffered and delivered to its next incarnation, as a shard does.
/// </summary>
public sealed class FakeShard : ReceiveActor
{
    private readonly Props _entity;
    private readonly Queue<(object Message, IActorRef Sender)> _buffered = new();
    private IActorRef? _child;
    private bool _passivating;
    private int _incarnation;

    public FakeShard(Props entity, IActorRef observer)
    {
        _entity = entity;
        StartEntity();
        Receive<Passivate>(passivate =>
        {
            observer.Tell(new Passivated(Sender.Path.ToString()));
            _passivating = true;
            Sender.Tell(passivate.StopMessage);
        });
        Receive<Terminated>(terminated =>
        {
            if (!terminated.ActorRef.Equals(_child))
            {
                return;
            }

            _child = null;
            _passivating = false;
            while (_buffered.TryDequeue(out var pending))
            {
                (_child ?? StartEntity()).Tell(pending.Message, pending.Sender);
            }
        });
        ReceiveAny(message =>
        {
            if (_passivating)
            {
                _buffered.Enqueue((message, Sender));
                return;
            }

            (_child ?? StartEntity()).Forward(message);
        });
    }

    public static Props Props(Props entity, IActorRef observer) => Akka.Actor.Props.Create(() => new FakeShard(entity, observer));

    private IActorRef StartEntity()
    {
        _child = Context.Watch(Context.ActorOf(_entity, $"entity-{++_incarnation}"));
        return _child;
    }

    public sealed record Passivated(string EntityPath) : INoSerializationVerificationNeeded;
}
