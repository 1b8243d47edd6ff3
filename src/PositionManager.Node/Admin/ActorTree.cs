using Akka.Actor;
using PositionManager.Admin;

namespace PositionManager.Node.Admin;

/// <summary>
/// <c>actor hierarchy</c>: this node's actors under /user and /system, breadth first, read from the
/// actors' children containers (no message to any actor, so a busy or stuck actor still shows).
/// Bounded: ten thousand positions would otherwise be ten thousand lines.
/// </summary>
internal sealed class ActorTree(ActorSystem system)
{
    public const int DefaultDepth = 4;

    public const int MaxPaths = 1000;

    public ActorHierarchyView Walk(int depth)
    {
        if (depth is < 1 or > 10)
        {
            throw AdminProblem.BadRequest($"depth {depth} must be between 1 and 10");
        }

        var extended = (ExtendedActorSystem)system;
        var paths = new List<string>();
        var level = new List<IActorRef> { extended.Guardian, extended.SystemGuardian };
        var truncated = false;
        for (var current = 1; current <= depth && level.Count > 0 && !truncated; current++)
        {
            var next = new List<IActorRef>();
            foreach (var actor in level.OrderBy(a => a.Path.ToStringWithoutAddress(), StringComparer.Ordinal))
            {
                if (paths.Count == MaxPaths)
                {
                    truncated = true;
                    break;
                }

                paths.Add(actor.Path.ToStringWithoutAddress());
                if (actor is ActorRefWithCell withCell)
                {
                    next.AddRange(withCell.Children);
                }
            }

            truncated |= current == depth && next.Count > 0;
            level = next;
        }

        return new ActorHierarchyView(paths, truncated);
    }
}
