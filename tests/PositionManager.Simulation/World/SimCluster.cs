using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Hosting;
using PositionManager.TestSupport;

namespace PositionManager.Simulation.World;

/// <summary>
/// Two or three members of one cluster in this process, on loopback, sharing the world's journal
/// and broker. The node fault kills one: its actor system terminates without leaving (no
/// CoordinatedShutdown, so no Leave gossip), the survivors' failure detectors find it unreachable,
/// the split brain resolver of hocon/akka.conf (keep-majority) downs it, and its singletons and
/// shards start on a survivor. The runner talks to the cluster through <see cref="Entry"/>, a
/// member the kill never takes.
/// </summary>
public sealed class SimCluster : IAsyncDisposable
{
    /// <summary>
    /// The cluster's own timers run on wall time. Akka's failure detector (3 s acceptable pause),
    /// the project's stable-after (5 s) and the singleton proxy's identification every second made
    /// a kill cost about 10 s before the gateway answered again; shortened here, with the strategy
    /// (keep-majority) and down-removal-margin (1 s) as deployed. A kill is a terminate without
    /// CoordinatedShutdown: no Leave, no hand-over.
    /// </summary>
    private const string ClusterModeHocon = """
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        akka.stdout-loglevel = OFF
        akka.remote.log-remote-lifecycle-events = off
        akka.cluster.failure-detector.heartbeat-interval = 250ms
        akka.cluster.failure-detector.acceptable-heartbeat-pause = 1s
        akka.cluster.split-brain-resolver.stable-after = 1s
        akka.cluster.singleton-proxy.singleton-identification-interval = 200ms
        """;


    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ClusterPlan _plan;
    private readonly Func<ClusterSeat, Task<SimNode>> _start;

    /// <summary>The live members, oldest first: the first hosts the singletons.</summary>
    private readonly List<(SimNode Node, int Port)> _members = [];
    private readonly List<MemberKill> _kills = [];

    private SimCluster(ClusterPlan plan, Func<ClusterSeat, Task<SimNode>> start)
    {
        _plan = plan;
        _start = start;
    }

    /// <summary>The member the runner asks through: the youngest, so its asks reach the singletons remotely.</summary>
    public SimNode Entry => _members[^1].Node;

    public IReadOnlyList<MemberKill> Kills => _kills;

    /// <summary>
    /// With two members keep-majority keeps the side holding the lowest address, so killing that
    /// member would down the survivor too: the victim of a pair is always the higher port, and the
    /// plan decides whether the oldest (the singletons' host) gets it.
    /// </summary>
    public static async Task<SimCluster> StartAsync(ClusterPlan plan, Func<ClusterSeat, Task<SimNode>> start)
    {
        var cluster = new SimCluster(plan, start);
        var ports = FreePorts.Take(plan.Members).Order().ToArray();
        if (plan is { Members: 2, KillsSingletonHost: true })
        {
            (ports[0], ports[1]) = (ports[1], ports[0]);
        }

        await cluster.JoinAsync(ports[0], [Address(ports[0])]);
        await Task.WhenAll(ports.Skip(1).Select(port => cluster.JoinAsync(port, [Address(ports[0])])));
        return cluster;
    }

    /// <summary>Kills the member the plan names, after starting a replacement if an earlier kill (a shortening re-run) left the cluster short.</summary>
    public async Task KillOneAsync()
    {
        while (_members.Count < _plan.Members)
        {
            var port = FreePorts.Take(1)[0];
            await JoinAsync(port, [.. _members.Select(m => Address(m.Port))]);
        }

        var victim = ChooseVictim();
        var hostedSingletons = victim == _members[0];
        _members.Remove(victim);
        var since = Stopwatch.StartNew();
        var seen = new TaskCompletionSource<MemberRemovalWatcher.Seen>(TaskCreationOptions.RunContinuationsAsynchronously);
        Entry.System.ActorOf(MemberRemovalWatcher.Props(Cluster.Get(victim.Node.System).SelfAddress, since, seen));

        // Its last words (sends to a transport already stopped) are noise, not findings.
        victim.Node.System.EventStream.SetLogLevel(Akka.Event.Logging.LogLevelFor("OFF"));
        await victim.Node.System.Terminate();
        await victim.Node.DisposeAsync();
        var removed = await seen.Task.WaitAsync(Patience);
        await Entry.Gateway.Ask<GatewayProtocol.GatewayStatus>(GatewayProtocol.GetStatus.Instance, Patience);
        _kills.Add(new MemberKill(_members.Count + 1, hostedSingletons, removed.Unreachable, removed.Removed, since.Elapsed));
    }

    /// <summary>Every member at once, abruptly: the scenario is over and nothing of it is left to hand over.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (node, _) in _members)
        {
            node.System.EventStream.SetLogLevel(Akka.Event.Logging.LogLevelFor("OFF"));
        }

        await Task.WhenAll(_members.Select(m => m.Node.System.Terminate()));
        foreach (var (node, _) in _members)
        {
            await node.DisposeAsync();
        }

        _members.Clear();
    }

    private (SimNode Node, int Port) ChooseVictim()
    {
        if (_members.Count == 2)
        {
            return _members.MaxBy(m => m.Port);
        }

        return _plan.KillsSingletonHost ? _members[0] : _members[1];
    }

    private async Task JoinAsync(int port, IReadOnlyList<string> seeds)
    {
        var node = await _start(new ClusterSeat(port, seeds, ClusterModeHocon));
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Cluster.Get(node.System).RegisterOnMemberUp(() => up.TrySetResult());
        await up.Task.WaitAsync(Patience);
        lock (_members)
        {
            _members.Add((node, port));
        }
    }

    private static string Address(int port) => $"akka.tcp://{PositionManagerAkka.SystemName}@127.0.0.1:{port}";
}
