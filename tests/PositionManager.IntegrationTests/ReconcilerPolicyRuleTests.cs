using Akka.Actor;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Reconciliation;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using PositionManager.PaperBroker.Hosting;
using PositionManager.Persistence;
using static PositionManager.Actors.Reconciliation.ReconcilerProtocol;

namespace PositionManager.IntegrationTests;

/// <summary>
/// Adoption by policy rule: the reconciler reads each contract from a PaperBroker over HTTP and
/// the first rule matching the broker's underlying gives the policy; a read that fails defers
/// the adoption; a contract the broker does not know gets the default. No order is ever sent.
/// </summary>
public sealed class ReconcilerPolicyRuleTests : IAsyncLifetime
{
    // An adjusted contract: its OCC root LCID1 is not its underlying, LCID.
    private const string Adjusted = "LCID1260220C00002500";
    private const string Plain = "GOOGL260220C00340000";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly ExitPolicy TrailFive = new(Trailing: TrailingStopRule.Percent(5));
    private static readonly ExitPolicy TrailSeven = new(Trailing: TrailingStopRule.Percent(7));
    private static readonly ExitPolicy TrailTwenty = new(Trailing: TrailingStopRule.Percent(20));

    // The rule on the root comes first: were the root taken for the underlying, it would win.
    private static readonly PolicyBook Rules = new(TrailTwenty,
    [
        new PolicyRule("lcid-root", ["LCID1"], null, null, null, TrailSeven),
        new PolicyRule("lcid", ["LCID"], null, null, null, TrailFive),
    ]);

    private readonly JournalTarget _journal = TestJournals.NewPostgres();
    private GatewayBroker _broker = null!;
    private ScriptedContracts _contracts = null!;

    public async Task InitializeAsync()
    {
        _broker = await GatewayBroker.StartAsync(options => options.Contracts.Add(new ContractSettings { Symbol = Adjusted, UnderlyingSymbol = "LCID" }));
        _contracts = new ScriptedContracts(_broker.Contracts);
        _broker.Host.Account.SeedPosition(Adjusted, 4, 1.10m);
        _broker.Host.Account.SeedPosition(Plain, 2, 12.40m);
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task An_adjusted_contract_gets_the_first_rule_matching_its_broker_underlying_and_the_rest_the_default()
    {
        await using var node = await StartNodeAsync();

        await ReconcileAsync(node);
        var adjusted = await StateAsync(node, Adjusted);
        var plain = await StateAsync(node, Plain);

        Assert.Equal((PositionStatus.Open, "lcid", "LCID", TrailFive), (adjusted.Status, adjusted.RuleName, adjusted.UnderlyingSymbol, adjusted.Policy));
        Assert.Equal((PositionStatus.Open, PolicyBook.DefaultName, "GOOGL", TrailTwenty), (plain.Status, plain.RuleName, plain.UnderlyingSymbol, plain.Policy));
        Assert.Empty(_broker.Orders());
    }

    [Fact]
    public async Task A_contract_read_that_fails_defers_its_adoption_with_an_alert_until_a_later_pass_reads_it()
    {
        _contracts.Fail(Adjusted, true);
        await using var node = await StartNodeAsync();

        var failed = await ReconcileAsync(node);
        var deferred = await StateAsync(node, Adjusted);
        var other = await StateAsync(node, Plain);
        _contracts.Fail(Adjusted, false);
        var later = await ReconcileAsync(node);
        var adopted = await StateAsync(node, Adjusted);

        var alert = Assert.Single(failed.Alerts, a => a.Symbol == Adjusted);
        Assert.Equal(AlertKind.ContractLookupFailed, alert.Kind);
        Assert.Contains("waits for the next pass", alert.Message);
        Assert.Equal(PositionStatus.New, deferred.Status);
        Assert.Equal(PositionStatus.Open, other.Status);
        Assert.DoesNotContain(later.Alerts, a => a.Symbol == Adjusted);
        Assert.Equal((PositionStatus.Open, "lcid"), (adopted.Status, adopted.RuleName));
        Assert.Empty(_broker.Orders());
    }

    [Fact]
    public async Task A_contract_the_broker_does_not_know_is_adopted_with_the_default_policy_and_alerted_while_held()
    {
        _contracts.Unknown(Adjusted);
        await using var node = await StartNodeAsync();

        var first = await ReconcileAsync(node);
        var second = await ReconcileAsync(node);
        var adopted = await StateAsync(node, Adjusted);

        Assert.Equal((PositionStatus.Open, PolicyBook.DefaultName, (string?)null, TrailTwenty), (adopted.Status, adopted.RuleName, adopted.UnderlyingSymbol, adopted.Policy));
        Assert.Equal(AlertKind.ContractUnknown, Assert.Single(first.Alerts, a => a.Symbol == Adjusted).Kind);
        Assert.Equal(AlertKind.ContractUnknown, Assert.Single(second.Alerts, a => a.Symbol == Adjusted).Kind);
        Assert.Equal(1, _contracts.Reads(Adjusted));
        Assert.Empty(_broker.Orders());
    }

    private Task<SystemNode> StartNodeAsync() =>
        SystemNode.StartAsync(
            _journal,
            _broker,
            GatewaySettings.Default with { PollInterval = TimeSpan.FromMilliseconds(200) },
            reconcile: new ReconcilerSettings(TimeSpan.FromHours(1), Rules),
            contracts: _contracts);

    private static Task<ReconcileCompleted> ReconcileAsync(SystemNode node) =>
        node.Reconciler!.Ask<ReconcileCompleted>(ReconcileNow.Instance, Patience);

    private static async Task<PositionState> StateAsync(SystemNode node, string symbol) =>
        (await node.Region.Ask<PositionProtocol.PositionView>(new PositionProtocol.GetState(symbol), Patience)).State;
}
