using Akka.Cluster;
using PositionManager.Actors.Tests.Support;

namespace PositionManager.Actors.Tests;

/// <summary>
/// A node without seed nodes forms a cluster of itself through Akka's seed-node process (its own
/// address the only seed), never through a join written by hand; asked for any port, it still
/// knows the port it lists as its seed.
/// </summary>
public sealed class SingleNodeFormationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_node_without_seeds_is_its_own_only_seed_and_comes_Up()
    {
        await using var node = await HostedNode.StartAsync(TestJournals.NewSqlite(), new ManualClock(DateTimeOffset.UtcNow));
        var cluster = Cluster.Get(node.System);

        Assert.Equal([cluster.SelfAddress], cluster.Settings.SeedNodes);
        Assert.NotEqual(0, cluster.SelfAddress.Port);
        var up = new TaskCompletionSource();
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        await up.Task.WaitAsync(Patience);
        // The callback runs on MemberUp as its own subscriber sees it; SelfMember reads the cluster's
        // read view, which learns the same event on its own and reports Removed until then.
        await Eventually.AssertAsync(() =>
        {
            Assert.Equal(MemberStatus.Up, cluster.SelfMember.Status);
            return Task.CompletedTask;
        }, Patience);
    }
}
