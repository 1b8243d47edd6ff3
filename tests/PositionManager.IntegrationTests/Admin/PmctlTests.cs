using System.Text.Json;
using PositionManager.Actors.Nodes;
using PositionManager.IntegrationTests.Support;

namespace PositionManager.IntegrationTests.Admin;

/// <summary>
/// Every pmctl command end to end against a running node (SQLite, embedded PaperBroker over HTTP):
/// the JSON it prints is parsed and checked against what the node and the broker hold.
/// </summary>
public sealed class PmctlTests(AdminNode node) : IClassFixture<AdminNode>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Cluster_show_lists_this_node_up_and_leading()
    {
        var cluster = (await Pmctl.Run(node, "cluster", "show", "--json")).Json();

        var self = cluster.GetProperty("selfAddress").GetString();
        Assert.Equal(self, cluster.GetProperty("leader").GetString());
        var member = Assert.Single(cluster.GetProperty("members").EnumerateArray());
        Assert.Equal(self, member.GetProperty("address").GetString());
        Assert.Equal("Up", member.GetProperty("status").GetString());
        Assert.True(member.GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task Sharding_commands_count_the_position_entities_where_they_run()
    {
        // A position closed by another test here is an entity until it has passivated: the
        // counts agree once it has, so they are read again until then.
        await Eventually.AssertAsync(
            async () =>
            {
                var open = (await Pmctl.Run(node, "positions", "list", "--open", "--json")).Json().GetArrayLength();

                var regions = (await Pmctl.Run(node, "sharding", "regions", "--json")).Json();
                var position = Assert.Single(regions.EnumerateArray(), r => r.GetProperty("typeName").GetString() == "position");
                Assert.Equal(open, position.GetProperty("entities").GetInt32());

                var stats = (await Pmctl.Run(node, "sharding", "region-stats", "--json")).Json();
                var member = Assert.Single(stats.GetProperty("members").EnumerateArray());
                Assert.Equal(open, member.GetProperty("entities").GetInt32());
                Assert.Empty(member.GetProperty("failedShards").EnumerateArray());

                var shards = (await Pmctl.Run(node, "sharding", "shard-stats", "--region", "position", "--json")).Json();
                var hosted = shards.GetProperty("shards").EnumerateArray().SelectMany(s => s.GetProperty("entityIds").EnumerateArray().Select(e => e.GetString())).ToHashSet();
                var listed = (await Pmctl.Run(node, "positions", "list", "--open", "--json")).Json().EnumerateArray().Select(p => p.GetProperty("positionId").GetString()).ToHashSet();
                Assert.Equal(listed, hosted);
            },
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Actor_hierarchy_shows_the_singletons_and_the_position_region()
    {
        var tree = (await Pmctl.Run(node, "actor", "hierarchy", "--depth", "3", "--json")).Json();

        var paths = tree.GetProperty("paths").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("/user/broker-gateway", paths);
        Assert.Contains("/user/reconciler", paths);
        Assert.Contains("/user/node-info", paths);
        Assert.Contains("/system/sharding/position", paths);
        Assert.True(tree.GetProperty("truncated").GetBoolean(), "shards and entities lie deeper than 3 levels");
    }

    [Fact]
    public async Task Positions_list_shows_every_held_contract_and_filters_by_underlying_and_status()
    {
        var all = (await Pmctl.Run(node, "positions", "list", "--json")).Json().EnumerateArray().ToList();
        var held = node.Node.Broker.Embedded!.Account.Positions().ToDictionary(p => p.Position.Symbol);
        foreach (var position in all.Where(p => p.GetProperty("status").GetString() == "Open"))
        {
            var symbol = position.GetProperty("symbol").GetString()!;
            Assert.Equal(held[symbol].Position.Qty, position.GetProperty("quantity").GetInt32());
            Assert.Equal(held[symbol].Position.AvgEntryPrice, position.GetProperty("entryPrice").GetDecimal());
        }

        Assert.DoesNotContain(all, p => p.GetProperty("symbol").GetString() == "AAPL");
        var googl = (await Pmctl.Run(node, "positions", "list", "--underlying", "googl", "--json")).Json().EnumerateArray().ToList();
        Assert.NotEmpty(googl);
        Assert.All(googl, p => Assert.Equal("GOOGL", p.GetProperty("underlying").GetString()));
        var closed = (await Pmctl.Run(node, "positions", "list", "--closed", "--json")).Json().EnumerateArray();
        Assert.All(closed, p => Assert.Equal("Closed", p.GetProperty("status").GetString()));

        var human = await Pmctl.Run(node, "positions", "list");
        Assert.Equal(0, human.ExitCode);
        Assert.StartsWith("SYMBOL", human.Output);
    }

    [Fact]
    public async Task Position_show_gives_the_live_state_and_explains_the_stop()
    {
        var symbol = Symbol("GOOGL");
        var detail = (await Pmctl.Run(node, "position", "show", symbol, "--json")).Json();

        var position = detail.GetProperty("position");
        Assert.Equal(symbol, position.GetProperty("symbol").GetString());
        Assert.Equal("Open", position.GetProperty("status").GetString());
        var peak = position.GetProperty("peak").GetDecimal();
        var stop = position.GetProperty("stop").GetDecimal();
        Assert.Equal(peak * 0.5m, stop);
        Assert.Equal(50m, detail.GetProperty("policyValues").GetProperty("trailingStopPercent").GetDecimal());
        Assert.Contains("= 50% from the peak", detail.GetProperty("stopExplanation").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("pendingExit").ValueKind);

        // The feed polls every second: a quote arrives, with its age.
        await Eventually.AssertAsync(
            async () =>
            {
                var live = (await Pmctl.Run(node, "position", "show", symbol, "--json")).Json();
                Assert.Equal(JsonValueKind.Object, live.GetProperty("lastQuote").ValueKind);
                Assert.InRange(live.GetProperty("lastQuoteAgeSeconds").GetDouble(), 0, 30);
            },
            Patience);
    }

    [Fact]
    public async Task Position_history_lists_the_journal_from_the_adoption()
    {
        var history = (await Pmctl.Run(node, "position", "history", Symbol("GOOGL"), "--json")).Json();

        var events = history.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("PositionOpened.v2", events[0].GetProperty("event").GetString());
        Assert.StartsWith("opened (adopted)", events[0].GetProperty("details").GetString());
        Assert.Equal(Enumerable.Range(1, events.Count).Select(n => (long)n), events.Select(e => e.GetProperty("sequenceNr").GetInt64()));
    }

    [Fact]
    public async Task Position_policy_changes_the_trail_and_the_journal_says_so()
    {
        var symbol = Symbol("AAPL");
        var changed = await Pmctl.RunWithToken(node, "position", "policy", symbol, "--trailing-stop-percent", "40", "--stop-loss-percent", "60");

        Assert.Equal(0, changed.ExitCode);
        Assert.Contains("trailing 40%", changed.Output);
        var detail = (await Pmctl.Run(node, "position", "show", symbol, "--json")).Json();
        Assert.Equal(40m, detail.GetProperty("policyValues").GetProperty("trailingStopPercent").GetDecimal());
        Assert.Equal(60m, detail.GetProperty("policyValues").GetProperty("stopLossPercent").GetDecimal());
        var events = (await Pmctl.Run(node, "position", "history", symbol, "--json")).Json().GetProperty("events").EnumerateArray();
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "PolicyChanged.v2");

        var invalid = await Pmctl.RunWithToken(node, "position", "policy", symbol, "--stop-loss-percent", "150");
        Assert.Contains("stop loss 150% must be between 0 and 100", invalid.OneLineError());
    }

    [Fact]
    public async Task Position_policy_reaches_every_part_and_clears_each()
    {
        var symbol = Symbol("AAPL");

        // A long minimum hold first, so that nothing but a deep stop loss can close the contract
        // while the test holds it under these parts (time exits count from 16:00 New York).
        var changed = await Pmctl.RunWithToken(
            node, "position", "policy", symbol, "--min-hold", "30d", "--max-hold", "60d", "--trailing-giveback-percent", "25",
            "--trailing-activation-price", "99", "--retry-limit-offset-percent", "5", "--scale-outs", "500:50,750:25",
            "--exit-days-before-expiry", "0", "--exit-minutes-before-close-on-expiry", "30", "--exit-minutes-before-close", "15");

        Assert.Equal(0, changed.ExitCode);
        Assert.Contains("giving back 25% of the best gain (armed at 99)", changed.Output);
        var values = (await Pmctl.Run(node, "position", "show", symbol, "--json")).Json().GetProperty("policyValues");
        Assert.Equal(
            (25m, 99m, 5m, "500:50,750:25", 0, 30, 15, "60d", "30d"),
            (values.GetProperty("trailingGivebackPercent").GetDecimal(), values.GetProperty("trailingActivationPrice").GetDecimal(),
                values.GetProperty("retryLimitOffsetPercent").GetDecimal(), values.GetProperty("scaleOuts").GetString(),
                values.GetProperty("exitDaysBeforeExpiry").GetInt32(), values.GetProperty("exitMinutesBeforeCloseOnExpiry").GetInt32(),
                values.GetProperty("exitMinutesBeforeClose").GetInt32(), values.GetProperty("maxHold").GetString(), values.GetProperty("minHold").GetString()));

        var refused = await Pmctl.RunWithToken(node, "position", "policy", symbol, "--max-hold", "30");
        Assert.Contains("hold '30' is not a duration (e.g. 30m, 4h, 2d or 00:30:00)", refused.OneLineError());

        string[] clearAll = ["trailing-activation", "retry-limit-offset", "scale-outs", "exit-days-before-expiry", "exit-minutes-before-close-on-expiry", "exit-minutes-before-close", "max-hold", "min-hold"];
        var cleared = await Pmctl.RunWithToken(node, ["position", "policy", symbol, "--trailing-stop-percent", "50", .. clearAll.SelectMany(part => new[] { "--clear", part })]);

        Assert.Equal(0, cleared.ExitCode);
        values = (await Pmctl.Run(node, "position", "show", symbol, "--json")).Json().GetProperty("policyValues");
        Assert.Equal(50m, values.GetProperty("trailingStopPercent").GetDecimal());
        Assert.All(
            ["trailingGivebackPercent", "trailingActivationPrice", "retryLimitOffsetPercent", "scaleOuts", "exitDaysBeforeExpiry", "exitMinutesBeforeCloseOnExpiry", "exitMinutesBeforeClose", "maxHold", "minHold"],
            name => Assert.Equal(JsonValueKind.Null, values.GetProperty(name).ValueKind));
    }

    [Fact]
    public async Task Position_close_sells_to_close_that_contract_once_and_the_history_explains_it()
    {
        var symbol = Symbol("SPY");
        var held = node.Node.Broker.Embedded!.Account.Position(symbol)!.Position.Qty;

        var declined = await Pmctl.RawWithToken(node, "n\n", "position", "close", symbol);
        Assert.Contains("not closed", declined.OneLineError());
        Assert.Contains("sell_to_close", declined.Output);

        var closed = await Pmctl.RunWithToken(node, "position", "close", symbol, "--yes");
        Assert.Equal(0, closed.ExitCode);
        Assert.Contains($"SellToClose {held} {symbol}", closed.Output);

        await Eventually.AssertAsync(
            async () =>
            {
                var history = (await Pmctl.Run(node, "position", "history", symbol, "--json")).Json().GetProperty("events").EnumerateArray().ToList();
                Assert.Equal("PositionClosed.v1", history[^1].GetProperty("event").GetString());
                Assert.Contains(history, e => e.GetProperty("event").GetString() == "ExitTriggered.v1" && e.GetProperty("details").GetString()!.Contains("Manual", StringComparison.Ordinal));
            },
            Patience);
        Assert.Null(node.Node.Broker.Embedded.Account.Position(symbol));
        var orders = (await Pmctl.Run(node, "orders", "recent", "--json")).Json().EnumerateArray().Where(o => o.GetProperty("symbol").GetString() == symbol).ToList();
        var order = Assert.Single(orders);
        Assert.Equal("Sell", order.GetProperty("side").GetString());
        Assert.Equal("SellToClose", order.GetProperty("intent").GetString());
        Assert.Equal((int)held, order.GetProperty("quantity").GetInt32());
        var brokerOrders = node.Node.Broker.Embedded.Account.ListOrders("all", 500).Where(o => o.Symbol == symbol).ToList();
        Assert.Single(brokerOrders);

        var again = await Pmctl.RunWithToken(node, "position", "close", symbol, "--yes");
        Assert.Contains("was not closed", again.OneLineError());
    }

    [Fact]
    public async Task Gateway_halt_and_resume_through_pmctl_and_status_shows_the_switch()
    {
        var halted = await Pmctl.RunWithToken(node, "gateway", "halt", "--reason", "pmctl test");
        Assert.Equal(0, halted.ExitCode);
        var status = (await Pmctl.Run(node, "gateway", "status", "--json")).Json();
        Assert.True(status.GetProperty("halted").GetBoolean());
        Assert.Equal("pmctl test", status.GetProperty("haltReason").GetString());

        var resumed = await Pmctl.RunWithToken(node, "gateway", "resume");
        Assert.Equal(0, resumed.ExitCode);
        Assert.False((await Pmctl.Run(node, "gateway", "status", "--json")).Json().GetProperty("halted").GetBoolean());

        Assert.Contains("--reason", (await Pmctl.RunWithToken(node, "gateway", "halt")).OneLineError());
    }

    [Fact]
    public async Task Alerts_and_reconcile_now_report_the_stock_position_the_system_never_touches()
    {
        var pass = (await Pmctl.RunWithToken(node, "reconcile", "now", "--json")).Json();
        Assert.Equal(JsonValueKind.Null, pass.GetProperty("failure").ValueKind);
        Assert.Equal(node.Node.Broker.Embedded!.Account.Positions().Count, pass.GetProperty("brokerPositions").GetInt32());

        var alerts = (await Pmctl.Run(node, "alerts", "--json")).Json().EnumerateArray();
        Assert.Contains(alerts, a => a.GetProperty("kind").GetString() == "StockPosition" && a.GetProperty("symbol").GetString() == "AAPL");
    }

    [Fact]
    public async Task Node_version_reports_the_commit_this_code_was_built_from()
    {
        var nodes = (await Pmctl.Run(node, "node", "version", "--json")).Json();

        var self = Assert.Single(nodes.EnumerateArray());
        Assert.Equal(BuildInfo.Current.Version, self.GetProperty("version").GetString());
        Assert.Equal(BuildInfo.Current.Commit, self.GetProperty("commit").GetString());
        Assert.NotEqual(BuildInfo.UnknownCommit, self.GetProperty("commit").GetString());
        Assert.Equal(JsonValueKind.Null, self.GetProperty("error").ValueKind);

        // No Alpaca keys: the node trades with the PaperBroker it started itself.
        Assert.Equal("embedded", self.GetProperty("broker").GetString());
        Assert.Equal(node.Node.Broker.Embedded!.BaseUrl.Authority, self.GetProperty("brokerHost").GetString());
        var table = await Pmctl.Run(node, "node", "version");
        Assert.Contains("BROKER", table.Output);
        Assert.Contains(" embedded", table.Output);
    }

    [Fact]
    public async Task Cluster_leave_and_down_name_a_member_and_refuse_an_address_that_is_not_one()
    {
        var notMember = await Pmctl.RunWithToken(node, "cluster", "down", "akka.tcp://position-manager@127.0.0.1:1");
        Assert.Contains("is not a member of this cluster", notMember.OneLineError());
        var malformed = await Pmctl.RunWithToken(node, "cluster", "leave", "not-an-address");
        Assert.Contains("is not an Akka address", malformed.OneLineError());

        var none = await Pmctl.RunWithToken(node, "cluster", "down-unreachable");
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("no member is unreachable", none.Output);
    }

    [Fact]
    public async Task Every_change_needs_the_token_and_a_wrong_one_is_refused()
    {
        var missing = await Pmctl.Run(node, "gateway", "halt", "--reason", "no token");
        Assert.Contains("needs the admin token", missing.OneLineError());
        var wrong = await Pmctl.RunRaw(["--node", node.Url, "--token", "not-the-token-at-all", "gateway", "halt", "--reason", "wrong token"]);
        Assert.Contains("the admin token is wrong", wrong.OneLineError());
        Assert.False((await Pmctl.Run(node, "gateway", "status", "--json")).Json().GetProperty("halted").GetBoolean());

        var fromEnvironment = await Pmctl.RunRaw(["--node", node.Url, "cluster", "down-unreachable"], environment: new Dictionary<string, string> { ["PMCTL_TOKEN"] = AdminNode.Token });
        Assert.Equal(0, fromEnvironment.ExitCode);
    }

    [Fact]
    public async Task Bad_arguments_unknown_symbols_and_an_unreachable_node_each_give_one_clear_line()
    {
        Assert.Equal(2, (await Pmctl.Run(node, "positions", "list", "--open", "--closed")).ExitCode);
        Assert.Contains("exclude each other", (await Pmctl.Run(node, "positions", "list", "--open", "--closed")).OneLineError());
        var notANumber = await Pmctl.Run(node, "orders", "recent", "--limit", "many");
        Assert.Equal(2, notANumber.ExitCode);
        Assert.Contains("many", notANumber.OneLineError());
        var unknownCommand = await Pmctl.Run(node, "positions", "sell");
        Assert.Equal(2, unknownCommand.ExitCode);
        unknownCommand.OneLineError();

        var ticker = await Pmctl.Run(node, "position", "show", "AAPL");
        Assert.Contains("'AAPL' is not an OCC option symbol", ticker.OneLineError());
        var unknown = await Pmctl.Run(node, "position", "history", "MSFT270115C00500000");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no position for MSFT270115C00500000", unknown.OneLineError());

        var unreachable = await Pmctl.RunRaw(["--node", $"http://127.0.0.1:{FreePorts.Take(1)[0]}", "alerts"]);
        Assert.Equal(1, unreachable.ExitCode);
        Assert.Contains("cannot reach the node", unreachable.OneLineError());
    }

    [Fact]
    public async Task Health_and_metrics_are_served_beside_the_admin_calls()
    {
        using var http = new HttpClient { BaseAddress = node.Node.AdminUrl };

        var ready = await http.GetAsync("/health/ready");
        Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
        Assert.True((await http.GetAsync("/health/live")).IsSuccessStatusCode);
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("pm_positions_open", metrics);
        Assert.Contains("pm_gateway_queue_depth", metrics);
        Assert.Contains("pm_reconciler_active_alerts", metrics);
        Assert.Contains("pm_reconciler_adopted_total", metrics);
        // The gauge is process-wide and other tests' nodes in this process read unreadable clocks,
        // so only its presence is this node's to assert; the health check carries this node's state.
        Assert.Matches(@"pm_market_clock_unreadable [01]\b", metrics);
    }

    [Fact]
    public async Task Node_health_reports_readiness_and_liveness_for_a_container_health_check()
    {
        var ready = (await Pmctl.Run(node, "node", "health", "--json")).Json();
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("position-region").GetProperty("status").GetString());

        // The embedded broker's market is open around the clock: read, and open a year ahead.
        var clock = ready.GetProperty("checks").GetProperty("market-clock");
        Assert.Equal("Healthy", clock.GetProperty("status").GetString());
        Assert.StartsWith("market open until ", clock.GetProperty("description").GetString(), StringComparison.Ordinal);
        var live = (await Pmctl.Run(node, "node", "health", "--live", "--json")).Json();
        Assert.Equal("Healthy", live.GetProperty("status").GetString());

        var unreachable = await Pmctl.RunRaw(["--node", $"http://127.0.0.1:{FreePorts.Take(1)[0]}", "node", "health"]);
        Assert.Equal(1, unreachable.ExitCode);
    }

    private string Symbol(string root) => node.OptionSymbols().First(s => s.StartsWith(root, StringComparison.Ordinal));
}
