using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace PositionManager.Actors.Positions;

/// <summary>
/// The positions' mailbox. A persistent actor needs a double-ended queue (it stashes while a
/// write is in flight and puts the stash back in front), and Akka's default one is a
/// ConcurrentQueue whose first segment alone holds 32 envelope slots: about 1.1 KB per actor
/// before any message, paid by every open position. <see cref="PositionMessageQueue"/> keeps
/// about 170 bytes while idle.
/// </summary>
public sealed class PositionMailbox : MailboxType, IProducesMessageQueue<PositionMessageQueue>
{
    /// <summary>Where akka.conf declares this mailbox; the entities' Props name it.</summary>
    public const string ConfigPath = "position-mailbox";

    public PositionMailbox(Settings settings, Config config)
        : base(settings, config)
    {
    }

    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new PositionMessageQueue();
}
