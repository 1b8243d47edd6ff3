using PositionManager.Actors.Positions;
using PositionManager.Actors.Reconciliation;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;

namespace PositionManager.Actors.Tests.Reconciliation;

/// <summary>The reconciler's decisions as a pure function: what it adopts, releases, checks and alerts on.</summary>
public sealed class ReconcilePlannerTests
{
    private const string Call = "GOOGL260220C00340000";
    private const string Put = "SPY260220P00450000";
    private static readonly DateTimeOffset Now = new(2026, 2, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly ExitPolicy Default = new(Trailing: TrailingStopRule.Percent(20));
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    [Fact]
    public void A_long_option_nobody_holds_is_adopted_at_the_brokers_entry_with_the_default_policy()
    {
        var plan = Plan([Option(Call, 2, entry: 12.40m)], views: [New(Call)]);

        var open = Assert.Single(plan.Adopt);
        Assert.Equal((Call, Call, PositionSide.Long, 2, 12.40m, Default, OpenOrigin.Adopted), (open.PositionId, open.Symbol, open.Side, open.Quantity, open.EntryPrice, open.Policy, open.Origin));
        Assert.Empty(plan.Findings);
    }

    [Fact]
    public void A_short_option_nobody_opened_is_an_alert_and_never_adopted()
    {
        var plan = Plan([Option(Put, 2, PositionSide.Short)], views: [New(Put)]);

        Assert.Empty(plan.Adopt);
        Assert.Equal(AlertKind.UnmanagedShort, Assert.Single(plan.Findings).Kind);
    }

    [Fact]
    public void Contracts_it_could_not_adopt_are_judged_without_asking_a_position_so_none_starts_for_them()
    {
        BrokerPosition[] held = [Option(Put, 2, PositionSide.Short), Option(Call, 1.5m)];

        var plan = Plan(held, views: []);

        Assert.Empty(ReconcilePlanner.ToAsk(held, Tracked()));
        Assert.Equal([(Call, AlertKind.Unmanageable), (Put, AlertKind.UnmanagedShort)], plan.Findings.Select(f => (f.Symbol, f.Kind)).Order());
        Assert.Empty(plan.Unevaluated);
        Assert.Empty(plan.Adopt);
    }

    [Fact]
    public void A_tracked_position_is_asked_about_whatever_the_broker_holds_of_it()
    {
        BrokerPosition[] held = [Option(Put, 2, PositionSide.Short), Option(Call, 1.5m)];

        Assert.Equal([Call, Put], ReconcilePlanner.ToAsk(held, Tracked(Call, Put)).Select(p => p.PositionId).Order());
        Assert.Equal([Call], ReconcilePlanner.ToAsk([Option(Call, 2)], Tracked()).Select(p => p.PositionId));
    }

    [Fact]
    public void A_short_this_system_manages_is_no_alert()
    {
        var plan = Plan([Option(Put, 2, PositionSide.Short)], views: [Open(Put, 2, PositionSide.Short)], tracked: [Put]);

        Assert.Empty(plan.Findings);
        Assert.Empty(plan.Adopt);
    }

    [Fact]
    public void Stock_long_or_short_is_an_alert_and_no_position_is_even_asked_about_it()
    {
        BrokerPosition[] held = [Stock("GOOGL", 100, PositionSide.Long), Stock("TSLA", 5, PositionSide.Short)];

        var plan = Plan(held, views: []);

        Assert.Empty(ReconcilePlanner.ToAsk(held, Tracked()));
        Assert.Equal([AlertKind.StockPosition, AlertKind.StockPosition], plan.Findings.Select(f => f.Kind));
        Assert.Contains("SHORT", plan.Findings.Single(f => f.Symbol == "TSLA").Message);
        Assert.Empty(plan.Adopt);
    }

    [Fact]
    public void A_tracked_position_the_broker_no_longer_lists_is_checked_for_flat()
    {
        var plan = Plan([], views: [Open(Call, 2)], tracked: [Call]);

        Assert.Equal([new TrackedPosition(Call, Call)], plan.CheckFlat);
    }

    [Fact]
    public void A_position_selling_out_is_left_to_its_fill_until_the_grace_has_passed()
    {
        var selling = Open(Call, 2) with { PendingExit = new PendingExit(1, ExitReason.TrailingStop, 2, 0, null, "pm-x-1", "order-1", Now - Grace / 2) };
        var stuck = selling with { PendingExit = selling.PendingExit! with { TriggeredAt = Now - Grace } };

        Assert.Empty(Plan([], views: [selling], tracked: [Call]).CheckFlat);
        Assert.Single(Plan([], views: [stuck], tracked: [Call]).CheckFlat);
    }

    [Fact]
    public void A_tracked_position_closed_here_is_released()
    {
        var plan = Plan([], views: [Closed(Call)], tracked: [Call]);

        Assert.Equal(Call, Assert.Single(plan.Release).PositionId);
        Assert.Empty(plan.CheckFlat);
    }

    [Fact]
    public void Quantity_drift_is_found_but_not_while_an_exit_is_in_flight()
    {
        var drifted = Plan([Option(Call, 3)], views: [Open(Call, 2)], tracked: [Call]);
        var selling = Open(Call, 2) with { PendingExit = new PendingExit(1, ExitReason.TrailingStop, 2, 1, null, "pm-x-1", "order-1", Now) };

        Assert.Equal(AlertKind.QuantityDrift, Assert.Single(drifted.Findings).Kind);
        Assert.Empty(Plan([Option(Call, 1)], views: [selling], tracked: [Call]).Findings);
    }

    [Fact]
    public void A_contract_first_seen_held_after_its_position_closed_is_an_alert_not_yet_a_reopening()
    {
        var plan = Plan([Option(Call, 2)], views: [Closed(Call)], tracked: [Call]);

        Assert.Equal(AlertKind.HeldButClosedHere, Assert.Single(plan.Findings).Kind);
        Assert.Empty(plan.Adopt);
        Assert.Single(plan.Release);
    }

    [Fact]
    public void A_contract_still_held_long_after_its_position_closed_is_adopted_again_as_a_new_lifecycle()
    {
        var readoptAfter = TimeSpan.FromSeconds(30);
        PositionState[] views = [Closed(Call), Closed(Put)];
        BrokerPosition[] held = [Option(Call, 3, entry: 2.10m), Option(Put, 1, PositionSide.Short)];

        var firstSeen = ReconcilePlanner.Plan(held, views.ToDictionary(v => v.PositionId), Tracked(), Default, Now, Grace, new Dictionary<string, DateTimeOffset>(), readoptAfter);
        var tooSoon = ReconcilePlanner.Plan(held, views.ToDictionary(v => v.PositionId), Tracked(), Default, Now, Grace, new Dictionary<string, DateTimeOffset> { [Call] = Now.AddSeconds(-29) }, readoptAfter);
        var later = ReconcilePlanner.Plan(held, views.ToDictionary(v => v.PositionId), Tracked(), Default, Now, Grace, new Dictionary<string, DateTimeOffset> { [Call] = Now.AddSeconds(-30), [Put] = Now.AddHours(-1) }, readoptAfter);

        Assert.Empty(firstSeen.Adopt);
        Assert.Contains(firstSeen.Findings, f => f is { Kind: AlertKind.HeldButClosedHere, Symbol: Call });
        Assert.Empty(tooSoon.Adopt);
        Assert.Equal(new PositionProtocol.Open(Call, Call, PositionSide.Long, 3, 2.10m, Default, OpenOrigin.AdoptedAgain), Assert.Single(later.Adopt));
        // A short it did not open is never adopted, again or at all: it stays an alert.
        Assert.Equal((AlertKind.UnmanagedShort, Put), (Assert.Single(later.Findings).Kind, later.Findings[0].Symbol));
    }

    [Fact]
    public void An_open_position_the_reconciler_did_not_know_is_tracked_from_now_on()
    {
        var plan = Plan([Option(Call, 2)], views: [Open(Call, 2)]);

        Assert.Equal([new TrackedPosition(Call, Call)], plan.Track);
    }

    [Fact]
    public void A_position_that_did_not_answer_is_left_undecided()
    {
        var plan = Plan([Option(Call, 2)], views: [], tracked: [Put]);

        Assert.Empty(plan.Adopt);
        Assert.Empty(plan.CheckFlat);
        Assert.Equal([Call, Put], plan.Unevaluated.Order());
    }

    [Fact]
    public void Fractional_option_quantities_are_not_adopted()
    {
        var plan = Plan([Option(Call, 1.5m)], views: [New(Call)]);

        Assert.Empty(plan.Adopt);
        Assert.Equal(AlertKind.Unmanageable, Assert.Single(plan.Findings).Kind);
    }

    private static ReconcilePlan Plan(BrokerPosition[] held, PositionState[] views, string[]? tracked = null) =>
        ReconcilePlanner.Plan(held, views.ToDictionary(v => v.PositionId), Tracked(tracked ?? []), Default, Now, Grace);

    private static Dictionary<string, TrackedPosition> Tracked(params string[] symbols) =>
        symbols.ToDictionary(s => s, s => new TrackedPosition(s, s));

    private static BrokerPosition Option(string symbol, decimal qty, PositionSide side = PositionSide.Long, decimal entry = 5.00m) =>
        new(symbol, "us_option", side, qty, qty, entry, null);

    private static BrokerPosition Stock(string symbol, decimal qty, PositionSide side) => new(symbol, "us_equity", side, qty, qty, 100m, null);

    private static PositionState New(string symbol) => PositionState.New(symbol);

    private static PositionState Open(string symbol, int qty, PositionSide side = PositionSide.Long) =>
        PositionState.New(symbol).Apply(new PositionOpened(symbol, symbol, side, qty, 5.00m, Default, OpenOrigin.Opened, Now));

    private static PositionState Closed(string symbol) => Open(symbol, 2).Apply(new PositionClosed("TrailingStop exit 1 filled", Now));
}
