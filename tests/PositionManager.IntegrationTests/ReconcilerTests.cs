using Akka.Actor;
using Akka.Cluster.Sharding;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using PositionManager.Persistence;
using static PositionManager.Actors.Reconciliation.ReconcilerProtocol;

namespace PositionManager.IntegrationTests;

/// <summary>
/// The reconciler singleton in a node on PostgreSQL, reading a PaperBroker over HTTP. Whatever it
/// finds, the broker's order book stays empty: the reconciler adopts, closes here and alerts, and
/// never trades.
/// </summary>
public sealed class ReconcilerTests : IAsyncLifetime
{
    private const string Call = "GOOGL260220C00340000";
    private const string Put = "SPY260220P00450000";
    private const string ShortCall = "AAPL260220C00250000";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Long: passes in these tests run at start and when asked, not on a timer.
    private static readonly ReconcilerSettings Settings = new(TimeSpan.FromHours(1), PolicyBook.Only(new ExitPolicy(Trailing: TrailingStopRule.Percent(20))));

    private readonly JournalTarget _journal = TestJournals.NewPostgres();
    private GatewayBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await GatewayBroker.StartAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Long_options_are_adopted_while_shorts_and_stock_raise_alerts_and_no_order_is_sent()
    {
        _broker.Host.Account.SeedPosition(Call, 2, 12.40m);
        _broker.Host.Account.SeedPosition(Put, 3, 8.10m);
        _broker.Host.Account.SeedPosition(ShortCall, -1, 6.25m);
        _broker.Host.Account.SeedPosition("GOOGL", 100, 180.00m);
        _broker.Host.Account.SeedPosition("TSLA", -10, 250.00m);
        await using var node = await StartNodeAsync();

        var completed = await ReconcileAsync(node);

        var call = await StateAsync(node, Call);
        Assert.Equal((PositionStatus.Open, PositionSide.Long, 2, 12.40m, Settings.Policies.Default), (call.Status, call.Side, call.Quantity, call.EntryPrice, call.Policy));
        Assert.Equal((PositionStatus.Open, 3, 8.10m), ((await StateAsync(node, Put)).Status, (await StateAsync(node, Put)).Quantity, (await StateAsync(node, Put)).EntryPrice));
        Assert.Equal(PositionStatus.New, (await StateAsync(node, ShortCall)).Status);
        var alerts = completed.Alerts.ToDictionary(a => a.Symbol);
        Assert.Equal(
            [("AAPL260220C00250000", AlertKind.UnmanagedShort), ("GOOGL", AlertKind.StockPosition), ("TSLA", AlertKind.StockPosition)],
            alerts.Values.Select(a => (a.Symbol, a.Kind)).Order());
        Assert.Contains("SHORT", alerts["TSLA"].Message);
        Assert.Equal(completed.Alerts, (await node.Reconciler!.Ask<AlertList>(GetAlerts.Instance, Patience)).Alerts);
        Assert.Equal([Call, Put], (await WatchedAsync(node)).Select(w => w.Symbol).Order());
        Assert.Empty(_broker.Orders());
    }

    [Fact]
    public async Task A_short_it_did_not_open_is_alerted_without_starting_a_position_entity_for_it()
    {
        _broker.Host.Account.SeedPosition(Call, 2, 12.40m);
        _broker.Host.Account.SeedPosition(ShortCall, -1, 6.25m);
        await using var node = await StartNodeAsync();

        var completed = await ReconcileAsync(node);

        Assert.Equal(AlertKind.UnmanagedShort, Assert.Single(completed.Alerts, a => a.Symbol == ShortCall).Kind);

        // An entity started here would be remembered and run, idle, after every restart.
        var region = await node.Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, Patience);
        Assert.Equal([Call], region.Shards.SelectMany(s => s.EntityIds));
        Assert.Empty(_broker.Orders());
    }

    [Fact]
    public async Task A_position_the_broker_no_longer_holds_is_closed_here_and_no_longer_priced()
    {
        _broker.Host.Account.SeedPosition(Call, 2, 12.40m);
        await using var node = await StartNodeAsync();
        await ReconcileAsync(node);
        Assert.True((await StateAsync(node, Call)).IsOpen);

        _broker.Host.Account.SeedPosition(Call, 0, 0m);   // sold by hand, outside this system
        var completed = await ReconcileAsync(node);

        Assert.Equal([Call], completed.MarkedFlat);
        var closed = await StateAsync(node, Call);
        Assert.Equal((PositionStatus.Closed, Reconciler.FlatReason), (closed.Status, closed.ClosedReason));
        Assert.Empty(await WatchedAsync(node));
        Assert.Empty(_broker.Orders());
    }

    [Fact]
    public async Task A_late_notice_of_an_earlier_close_does_not_unprice_a_position_that_is_open_again()
    {
        // A closed position that recovers tells of its close again; adopted again meanwhile, it is
        // open by the time that notice reaches the reconciler through the singleton's proxy.
        _broker.Host.Account.SeedPosition(Call, 2, 12.40m);
        await using var node = await StartNodeAsync();
        await ReconcileAsync(node);

        node.Reconciler!.Tell(new PositionProtocol.Closed(Call, "an earlier lifecycle's close"));

        // Asked right behind the notice: a release would have been journaled before this answer.
        Assert.Equal([Call], (await WatchedAsync(node)).Select(w => w.Symbol));
        Assert.Equal(PositionStatus.Open, (await StateAsync(node, Call)).Status);
        Assert.Equal([Call], (await WatchedAsync(node)).Select(w => w.Symbol));
    }

    [Fact]
    public async Task A_contract_bought_again_after_its_position_closed_is_adopted_again_at_a_later_pass()
    {
        _broker.Host.Account.SeedPosition(Call, 2, 12.40m);
        await using var node = await StartNodeAsync(Settings with { ReadoptAfter = TimeSpan.Zero });
        await ReconcileAsync(node);
        _broker.Host.Account.SeedPosition(Call, 0, 0m);   // sold by hand
        Assert.Equal([Call], (await ReconcileAsync(node)).MarkedFlat);

        _broker.Host.Account.SeedPosition(Call, 3, 2.10m);   // and bought again
        var seen = await ReconcileAsync(node);

        // The first pass that sees it only alerts: the broker's list may lag behind a sell of ours.
        Assert.Equal((AlertKind.HeldButClosedHere, Call), (Assert.Single(seen.Alerts).Kind, seen.Alerts[0].Symbol));
        Assert.Equal(PositionStatus.Closed, (await StateAsync(node, Call)).Status);

        var adopted = await ReconcileAsync(node);

        Assert.Equal([Call], adopted.Adopted);
        Assert.Empty(adopted.Alerts);
        var again = await StateAsync(node, Call);
        Assert.Equal((PositionStatus.Open, 3, 2.10m, 2.10m * 0.8m), (again.Status, again.Quantity, again.EntryPrice, again.Stop));
        Assert.Equal([Call], (await WatchedAsync(node)).Select(w => w.Symbol));
        Assert.Empty(_broker.Orders());
    }

    [Fact]
    public async Task Quantity_drift_is_recorded_and_nothing_is_traded_to_fix_it()
    {
        _broker.Host.Account.SeedPosition(Call, 3, 12.40m);
        await using var node = await StartNodeAsync();
        await ReconcileAsync(node);

        _broker.Host.Account.SeedPosition(Call, 2, 12.40m);
        var completed = await ReconcileAsync(node);

        var drift = Assert.Single(completed.Alerts);
        Assert.Equal((AlertKind.QuantityDrift, Call), (drift.Kind, drift.Symbol));
        Assert.Contains("the broker holds 2, the position here 3", drift.Message);
        Assert.Equal(3, (await StateAsync(node, Call)).Quantity);
        Assert.Empty(_broker.Orders());
    }

    [Fact]
    public async Task What_it_tracks_survives_a_restart_so_a_position_sold_while_no_node_ran_is_closed()
    {
        _broker.Host.Account.SeedPosition(Call, 2, 12.40m);
        await using (var first = await StartNodeAsync())
        {
            await ReconcileAsync(first);
            Assert.True((await StateAsync(first, Call)).IsOpen);
        }

        _broker.Host.Account.SeedPosition(Call, 0, 0m);
        await using var second = await StartNodeAsync();

        // The broker lists nothing: only the reconciler's journal still knows the position.
        await Eventually.AssertAsync(async () => Assert.Equal(PositionStatus.Closed, (await StateAsync(second, Call)).Status), Patience);
        Assert.Empty(_broker.Orders());
    }

    private Task<SystemNode> StartNodeAsync(ReconcilerSettings? settings = null) =>
        SystemNode.StartAsync(_journal, _broker, GatewaySettings.Default with { PollInterval = TimeSpan.FromMilliseconds(200) }, reconcile: settings ?? Settings);

    private static Task<ReconcileCompleted> ReconcileAsync(SystemNode node) =>
        node.Reconciler!.Ask<ReconcileCompleted>(ReconcileNow.Instance, Patience);

    private static async Task<PositionState> StateAsync(SystemNode node, string symbol) =>
        (await node.Region.Ask<PositionProtocol.PositionView>(new PositionProtocol.GetState(symbol), Patience)).State;

    private static async Task<IReadOnlyList<WatchedPosition>> WatchedAsync(SystemNode node) =>
        (await node.Reconciler!.Ask<PriceFeedProtocol.Watch>(GetWatched.Instance, Patience)).Positions;
}
