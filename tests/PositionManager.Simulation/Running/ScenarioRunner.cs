using Akka.Actor;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Faults;
using PositionManager.PaperBroker.Market;
using PositionManager.Simulation.Checks;
using PositionManager.Simulation.Scenarios;
using PositionManager.Simulation.World;
using PositionManager.TestSupport;

namespace PositionManager.Simulation.Running;

/// <summary>
/// Plays one scenario against the world: sets the account up, lets the reconciler adopt, gives each
/// position its policy, applies every step and lets the system settle after it, drains (faults
/// cleared, time moving) until every exit has ended, gathers the run's records, and finally sells
/// everything by hand so the next scenario starts on an account that holds nothing of this one.
/// </summary>
public sealed class ScenarioRunner(SimWorld world)
{
    private const int DrainRounds = 24;

    // Settled steps are quick now, so 24 rounds may pass in less wall time than the node's own
    // timers (a close re-sent after 600 ms): the drain also lasts at least this long before it calls an exit stuck.
    private static readonly TimeSpan DrainPatience = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan BurstPatience = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan BurstQuiet = TimeSpan.FromMilliseconds(60);

    // A step that has not settled in this much wall time moves on: what is still moving is judged
    // after the drain. (The steps once seen not to settle in 20 s waited for polls of a feed whose
    // last position had just closed; Settling.AfterPollsAsync now ends when the feed watches nothing.)
    private static readonly TimeSpan SettlePatience = TimeSpan.FromSeconds(3);
    private readonly Dictionary<string, SteppedQuotePath> _paths = new(StringComparer.Ordinal);
    private readonly Dictionary<int, QuoteChange> _market = [];
    private readonly List<Guid> _peoplesOrders = [];

    private SimBroker Broker => world.Broker;

    private PaperAccount Account => world.Broker.Account;

    public async Task<IReadOnlyList<Violation>> RunAsync(Scenario scenario)
    {
        var symbols = scenario.Symbols.ToHashSet(StringComparer.Ordinal);
        Broker.Options.Fills.FillDelay = scenario.FillDelay;
        Broker.Options.Fills.PartialFillQty = scenario.PartialFillQty;
        var phase = System.Diagnostics.Stopwatch.StartNew();
        await SetUpAsync(scenario);
        Trace?.WriteLine($"    {phase.ElapsedMilliseconds,6} ms  set up");
        foreach (var step in scenario.Steps)
        {
            await ApplyAsync(step, scenario);
        }

        phase.Restart();
        var stuck = await DrainAsync(scenario);
        Trace?.WriteLine($"    {phase.ElapsedMilliseconds,6} ms  drain");
        phase.Restart();
        var run = await RecordAsync(scenario, symbols, stuck);
        Trace?.WriteLine($"    {phase.ElapsedMilliseconds,6} ms  record");
        phase.Restart();
        await CleanUpAsync(scenario);
        Trace?.WriteLine($"    {phase.ElapsedMilliseconds,6} ms  clean up");
        return Invariants.Check(scenario, run);
    }

    private async Task SetUpAsync(Scenario scenario)
    {
        for (var k = 0; k < scenario.Contracts.Count; k++)
        {
            var contract = scenario.Contracts[k];
            Account.SeedPosition(contract.Symbol, contract.Quantity, contract.Entry);
            var half = Math.Max(0.01m, Math.Round(contract.Entry * 0.01m, 2));
            SetQuote(scenario, new QuoteChange(k, contract.Entry - half, contract.Entry + half));
        }

        Account.SeedPosition(scenario.Stock, SimulationAccount.StockShares, 50m);
        Broker.Host.Market.SetQuote(scenario.Stock, 50.00m, 50.02m);
        if (scenario.HandShort is { } hand)
        {
            Account.SeedPosition(hand, -SimulationAccount.HandShortContracts, 3m);
            Broker.Host.Market.SetQuote(hand, 2.95m, 3.05m);
        }

        await ReconcileAsync();
        foreach (var contract in scenario.Contracts)
        {
            await world.Node.Region.Ask<object>(new PositionProtocol.ChangePolicy(contract.Symbol, contract.Policy), Patience);
        }
    }

    private async Task ApplyAsync(Step step, Scenario scenario)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await ApplyStepAsync(step, scenario);
        Trace?.WriteLine($"    {started.ElapsedMilliseconds,6} ms  {step}");
    }

    /// <summary>Where each step's wall time is written, when someone wants to know (SIM_TRACE=1).</summary>
    public TextWriter? Trace { get; init; }

    private async Task ApplyStepAsync(Step step, Scenario scenario)
    {
        switch (step)
        {
            case Step.Market market:
                foreach (var change in market.Quotes)
                {
                    SetQuote(scenario, change, Broker.Clock.GetUtcNow() + market.Elapsed);
                }

                Broker.Advance(market.Elapsed);
                await SettleAsync(scenario);
                break;
            case Step.BrokerFault fault:
                await ArmAsync(fault);
                break;
            case Step.Person person:
                Act(person, scenario.Contracts[person.Contract].Symbol);
                await SettleAsync(scenario);
                break;
            case Step.Reconcile:
                await ReconcileAsync();
                await SettleAsync(scenario);
                break;
            case Step.NodeRestart:
                await world.RestartNodeAsync();
                await ReconcileAsync();
                await SettleAsync(scenario);
                break;
        }
    }

    private void SetQuote(Scenario scenario, QuoteChange change, DateTimeOffset? at = null)
    {
        var time = at ?? Broker.Clock.GetUtcNow();
        var symbol = scenario.Contracts[change.Contract].Symbol;
        _market[change.Contract] = change with { Problem = QuoteProblem.None };
        var quote = change.Problem switch
        {
            QuoteProblem.Crossed => new SimQuote(time, change.Ask + 0.10m, change.Bid, 10, 10),
            QuoteProblem.ZeroBid => new SimQuote(time, 0m, change.Ask, 0, 10),
            QuoteProblem.Stale => new SimQuote(time - TimeSpan.FromMinutes(2), change.Bid, change.Ask, 10, 10),
            _ => new SimQuote(time, change.Bid, change.Ask, 10, 10),
        };
        if (_paths.TryGetValue(symbol, out var path))
        {
            path.Set(quote);
            Broker.Host.Market.NotifyTimeMoved();
        }
        else
        {
            path = new SteppedQuotePath(quote);
            _paths[symbol] = path;
            Broker.Host.Market.SetPath(symbol, path);
        }
    }

    private async Task ArmAsync(Step.BrokerFault fault)
    {
        var faults = Broker.Host.Faults;
        switch (fault.Kind)
        {
            case FaultKind.RateLimitBurst:
                // Alpaca's reset is the next minute: stand just before it, so the wait it imposes is short in wall time too.
                // The burst hits whichever requests come next; then time reaches the reset Alpaca announced
                // (the next minute), as it would while the clients wait for it.
                var before = Broker.Clock.GetUtcNow();
                var toMinute = TimeSpan.FromSeconds(60 - (before.ToUnixTimeSeconds() % 60)) - TimeSpan.FromMilliseconds(before.Millisecond);
                // Just before the minute turns: the gateway's own retry timer (Akka's, in wall time) then waits a moment only.
                Broker.Advance(toMinute > TimeSpan.FromMilliseconds(200) ? toMinute - TimeSpan.FromMilliseconds(200) : TimeSpan.Zero);
                faults.FailNextWithRateLimit(fault.Count);
                await MeetRateLimitBurstAsync();

                var now = Broker.Clock.GetUtcNow();
                Broker.Advance(TimeSpan.FromSeconds(60 - (now.ToUnixTimeSeconds() % 60)) - TimeSpan.FromMilliseconds(now.Millisecond));
                break;
            case FaultKind.ServerErrors:
                faults.FailNextWithServerError(fault.Count, 500 + fault.Count);
                break;
            case FaultKind.AmbiguousError:
                faults.FailNextOrdersAmbiguously(fault.Count, AmbiguousFailure.Error);
                break;
            case FaultKind.AmbiguousAbort:
                faults.FailNextOrdersAmbiguously(fault.Count, AmbiguousFailure.Abort);
                break;
            case FaultKind.RejectHttp:
                faults.RejectNextOrders(fault.Count, RejectionKind.Http);
                break;
            case FaultKind.RejectOrder:
                faults.RejectNextOrders(fault.Count, RejectionKind.Order);
                break;
            case FaultKind.TradeStreamDrop:
                faults.DropStreams();
                break;
        }
    }

    /// <summary>
    /// Lets the armed 429s meet the requests that come (the feed is asked to poll at once, so one
    /// comes if anything is watched) until none is met for <see cref="BurstQuiet"/>: a client that met
    /// one holds back until Alpaca's reset, which is simulated time away. What is left is withdrawn,
    /// as a 429 met after the runner moves time to the reset would pause every client for a whole
    /// simulated minute, which the steps after it (a few seconds each) never reach.
    /// </summary>
    private async Task MeetRateLimitBurstAsync()
    {
        var faults = Broker.Host.Faults;
        var deadline = DateTimeOffset.UtcNow + BurstPatience;
        var left = faults.Current.RateLimitNext;
        var quietSince = DateTimeOffset.UtcNow;
        while (left > 0 && DateTimeOffset.UtcNow < deadline && DateTimeOffset.UtcNow - quietSince < BurstQuiet)
        {
            var answered = world.MarketData.NextAnswer;
            world.Node.PriceFeed.Tell(PriceFeedInternals.Poll.Instance);
            await PlantableMarketData.WaitAsync(answered, BurstQuiet);
            var now = faults.Current.RateLimitNext;
            if (now < left)
            {
                left = now;
                quietSince = DateTimeOffset.UtcNow;
            }
        }

        faults.FailNextWithRateLimit(0);
    }

    private void Act(Step.Person person, string symbol)
    {
        var held = Account.Position(symbol);
        var available = (int)(held?.QtyAvailable ?? 0m);
        var long_ = (held?.Position.Qty ?? 0m) > 0;
        switch (person.Action)
        {
            case PersonAction.SellsByHand when long_ && available > 0:
                Submit(symbol, "sell", "sell_to_close", available, limit: null);
                break;
            case PersonAction.Buys:
                Submit(symbol, "buy", "buy_to_open", person.Quantity, limit: null);
                break;
            case PersonAction.RestsAnOrder when long_ && available > 0:
                Submit(symbol, "sell", "sell_to_close", Math.Min(available, person.Quantity), limit: 999m);
                break;
            case PersonAction.CancelsOrders:
                foreach (var id in _peoplesOrders.Where(id => Account.FindOrder(id) is { IsOpen: true, Symbol: var s } && s == symbol))
                {
                    Account.Cancel(id);
                }

                break;
        }
    }

    private void Submit(string symbol, string side, string intent, int quantity, decimal? limit)
    {
        var outcome = Account.Submit(new OrderSubmission
        {
            Symbol = symbol,
            Qty = quantity,
            Side = side,
            Type = limit is null ? "market" : "limit",
            LimitPrice = limit,
            TimeInForce = "day",
            ClientOrderId = $"person-{Guid.NewGuid():N}",
            PositionIntent = intent,
        });
        if (outcome.Order is { } order)
        {
            _peoplesOrders.Add(order.Id);
        }
    }

    private async Task ReconcileAsync() =>
        await world.Node.Reconciler.Ask<ReconcilerProtocol.ReconcileCompleted>(ReconcilerProtocol.ReconcileNow.Instance, Patience);

    /// <summary>Until the feed has polled past this step and what the system does about it has stopped changing.</summary>
    private async Task SettleAsync(Scenario scenario)
    {
        var deadline = DateTimeOffset.UtcNow + SettlePatience;
        var before = await Settling.ObserveAsync(world, scenario);
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Settling.AfterPollsAsync(world, 2, Settling.Max(deadline - DateTimeOffset.UtcNow, TimeSpan.FromMilliseconds(1)));
            var now = await Settling.ObserveAsync(world, scenario);
            if (now == before)
            {
                return;
            }

            before = now;
        }
    }

    /// <summary>Faults cleared and quotes fresh, time moves until every exit has ended; what is still pending then is stuck.</summary>
    private async Task<IReadOnlyList<string>> DrainAsync(Scenario scenario)
    {
        Broker.Host.Faults.Clear();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var round = 0;
        for (; round < DrainRounds || wall.Elapsed < DrainPatience; round++)
        {
            foreach (var change in _market.Values.ToList())
            {
                SetQuote(scenario, change, Broker.Clock.GetUtcNow() + TimeSpan.FromSeconds(5));
            }

            Broker.Advance(TimeSpan.FromSeconds(5));
            if (round % 4 == 3)
            {
                await ReconcileAsync();
            }

            await SettleAsync(scenario);
            var observed = await Settling.ObserveAsync(world, scenario);
            if (observed.PendingExits == 0 && observed.OpenOrdersOfOurs == 0 && !(await OverdueAsync(scenario)).Any())
            {
                Trace?.WriteLine($"    drained in {round + 1} rounds");
                return [];
            }
        }

        var states = await Settling.StatesAsync(world, scenario);
        var gateway = await world.Node.Gateway.Ask<GatewayProtocol.GatewayStatus>(GatewayProtocol.GetStatus.Instance, Patience);
        return [.. states.Values.Where(s => s.PendingExit is not null).Select(s => $"{s.PositionId}'s exit {s.PendingExit!.ClientOrderId} has not ended after {round} drain rounds ({wall.Elapsed.TotalSeconds:F1} s); {WhereItIs(s.PendingExit!.ClientOrderId, gateway)}")];
    }

    /// <summary>Where a stuck exit is: the gateway's stage for it, and the broker's order, for the report.</summary>
    private string WhereItIs(string clientOrderId, GatewayProtocol.GatewayStatus gateway)
    {
        var stage = gateway.RecentIntents.FirstOrDefault(i => i.IntentId == clientOrderId) is { } record
            ? $"gateway: {record.Stage}, filled {record.FilledQuantity}{(record.FinalStatus is { } final ? $", ended {final}" : "")}"
            : "gateway: not among its recent intents";
        var order = Account.FindByClientOrderId(clientOrderId) is { } placed
            ? $"broker: {placed.Status}, filled {placed.FilledQty} of {placed.Qty}"
            : "broker: no such order";
        return $"{stage}; {order}; stream listening {gateway.StreamListening}, queued {gateway.Queued}";
    }

    /// <summary>Positions whose exit is due by their sane quote and that have none in flight (invariant 5).</summary>
    private async Task<IReadOnlyList<string>> OverdueAsync(Scenario scenario)
    {
        var live = await Settling.StatesAsync(world, scenario);
        var now = Broker.Clock.GetUtcNow();
        return [.. _market
            .Select(m => OverdueExits.Why(live[scenario.Contracts[m.Key].Symbol], m.Value.Bid, m.Value.Ask, now))
            .OfType<string>()];
    }

    private async Task<RunRecord> RecordAsync(Scenario scenario, HashSet<string> symbols, IReadOnlyList<string> stuck)
    {
        var submits = world.Gateway.SubmitsOf(symbols).Concat(world.Reconciling.SubmitsOf(symbols)).ToList();
        var orders = Account.OrdersOf(symbols);
        var held = symbols.ToDictionary(s => s, s => Account.Position(s)?.Position.Qty ?? 0m, StringComparer.Ordinal);
        var journals = new Dictionary<string, IReadOnlyList<IPositionEvent>>(StringComparer.Ordinal);
        foreach (var contract in scenario.Contracts)
        {
            var events = await JournalRows.EventsAsync(world.Journal, PositionActor.PersistenceIdFor(contract.Symbol));
            journals[contract.Symbol] = [.. events.Cast<IPositionEvent>()];
        }

        var live = await Settling.StatesAsync(world, scenario);
        stuck = [.. stuck, .. await OverdueAsync(scenario)];
        var alerts = (await world.Node.Reconciler.Ask<ReconcilerProtocol.AlertList>(ReconcilerProtocol.GetAlerts.Instance, Patience)).Alerts;
        return new RunRecord(submits, orders, held, journals, live, alerts, stuck);
    }

    private async Task CleanUpAsync(Scenario scenario)
    {
        foreach (var order in Account.OrdersOf(scenario.Symbols).Where(o => o.IsOpen))
        {
            Account.Cancel(order.Id);
        }

        foreach (var symbol in scenario.Symbols)
        {
            Account.SeedPosition(symbol, 0, 1m);
        }

        // The pass marks every position flat; nothing waits for them to close, as no later scenario trades these contracts.
        await ReconcileAsync();
    }
}
