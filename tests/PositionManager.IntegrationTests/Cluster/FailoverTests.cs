using PositionManager.IntegrationTests.Support;

namespace PositionManager.IntegrationTests.Cluster;

/// <summary>kill -9 of the node running the gateway singleton in the middle of a burst of exits.</summary>
[Collection(ClusterProcesses.Name)]
public sealed class GatewayNodeKilledDuringExitsTests : FailoverSpec
{
    [Fact]
    public async Task The_singleton_moves_and_every_exit_is_sent_exactly_once()
    {
        var gateway = await Cluster.GatewayHostAsync();

        // Every call falls through its stop (4.50) at once; the gateway's node dies while they go out.
        Quote(4.00m);
        await Cluster.Node(gateway).KillAsync();

        await AssertEachCallSoldExactlyOnceAsync();
        var survivor = Enumerable.Range(0, Cluster.Count).First(n => n != gateway);
        Assert.NotEqual(gateway, await Cluster.GatewayHostAsync());
        await Eventually.AssertAsync(async () => Assert.Empty(await OpenPositions(survivor)), Patience);
    }
}

/// <summary>kill -9 of a node that runs positions: they resume on the survivors from their journal.</summary>
[Collection(ClusterProcesses.Name)]
public sealed class PositionNodeKilledTests : FailoverSpec
{
    [Fact]
    public async Task Its_positions_resume_on_the_survivors_with_their_peaks_and_stops_and_keep_trailing()
    {
        Quote(6.00m);
        await WaitForPeaksAsync(0, 6.00m, 5.40m);
        var (victim, hosted, survivor) = await PositionHostOtherThanTheGatewayAsync();

        await Cluster.Node(victim).KillAsync();

        // Back on a survivor with what was journaled (peak 6.00, stop 5.40), not the entry's 4.50.
        await WaitForPeaksAsync(survivor, 6.00m, 5.40m);
        await Eventually.AssertAsync(
            async () => Assert.Subset((await Cluster.HostedPositionsAsync(survivor)).Concat(await OtherSurvivorHosted(victim, survivor)).ToHashSet(), hosted.ToHashSet()),
            Patience);

        // pmctl tells the truth: two members left, every position on one of them.
        await Eventually.AssertAsync(
            async () =>
            {
                var members = (await Cluster.Pmctl(survivor, "sharding", "region-stats", "--json")).Json().GetProperty("members").EnumerateArray().ToList();
                Assert.Equal(Enumerable.Range(0, Cluster.Count).Where(n => n != victim).Select(n => Cluster.Addresses[n]).Order(), members.Select(m => m.GetProperty("address").GetString()!).Order());
                Assert.Equal(Calls.Length, members.Sum(m => m.GetProperty("entities").GetInt32()));
            },
            Patience);

        // They keep trailing: a new high moves every stop, and a fall through it sells each once.
        Quote(7.00m);
        await WaitForPeaksAsync(survivor, 7.00m, 6.30m);
        Quote(6.20m);
        await AssertEachCallSoldExactlyOnceAsync();
    }

    private async Task<IReadOnlyList<string>> OtherSurvivorHosted(int victim, int survivor)
    {
        var other = Enumerable.Range(0, Cluster.Count).Single(n => n != victim && n != survivor);
        return await Cluster.HostedPositionsAsync(other);
    }
}

/// <summary>SIGTERM (an ECS task stop) of a node that runs positions, while exits go out.</summary>
[Collection(ClusterProcesses.Name)]
public sealed class NodeTerminatedTests : FailoverSpec
{
    [Fact]
    public async Task It_leaves_gracefully_and_no_exit_is_lost_or_doubled()
    {
        var (victim, _, survivor) = await PositionHostOtherThanTheGatewayAsync();

        Cluster.Node(victim).Terminate();
        Quote(4.00m);

        Assert.Equal(0, await Cluster.Node(victim).WaitForExitAsync(Patience));
        await Cluster.WaitForMembersAsync(survivor, Enumerable.Range(0, Cluster.Count).Where(n => n != victim), Patience);
        await AssertEachCallSoldExactlyOnceAsync();
    }
}
