using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Tests.Support;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Symbols;
using PositionManager.PaperBroker.Hosting;

namespace PositionManager.Alpaca.Tests;

/// <summary><see cref="IContractDirectory"/> against the PaperBroker over loopback HTTP.</summary>
public sealed class ContractLookupTests
{
    private static readonly OptionSymbol Put = OptionSymbol.Parse("SPY261218P00550000");
    private static readonly OptionSymbol Adjusted = OptionSymbol.Parse("LCID1261218C00005000");

    [Fact]
    public async Task A_held_contract_is_read_whole()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Put.Value, 2);

        var contract = await broker.Reference().GetContractAsync(Put, CancellationToken.None);

        Assert.True(contract.IsSuccess, contract.Failure?.Message);
        var c = contract.Value!;
        Assert.Equal((Put.Value, "SPY", "SPY", OptionRight.Put, new DateOnly(2026, 12, 18), 550m), (c.Symbol, c.UnderlyingSymbol, c.RootSymbol, c.Type, c.ExpirationDate, c.StrikePrice));
        Assert.Equal((ContractStatus.Active, true, 100m), (c.Status, c.Tradable, c.Size));
        Assert.False(string.IsNullOrEmpty(c.Id));
    }

    [Fact]
    public async Task An_adjusted_contracts_underlying_is_the_brokers_not_its_root()
    {
        await using var broker = await TestBroker.StartAsync(o => o.Contracts = [new ContractSettings { Symbol = Adjusted.Value, UnderlyingSymbol = "LCID" }]);

        var contract = (await broker.Reference().GetContractAsync(Adjusted, CancellationToken.None)).Value!;

        Assert.Equal(("LCID1", "LCID"), (contract.RootSymbol, contract.UnderlyingSymbol));
    }

    [Fact]
    public async Task A_contract_the_broker_does_not_know_reads_as_none()
    {
        // Alpaca answers 404 {"code":40410000,"message":"option contract … not found"}.
        await using var broker = await TestBroker.StartAsync();

        var contract = await broker.Reference().GetContractAsync(Put, CancellationToken.None);

        Assert.True(contract.IsSuccess, contract.Failure?.Message);
        Assert.Null(contract.Value);
    }

    [Fact]
    public async Task A_bare_404_from_a_wrong_base_url_is_malformed_not_none()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Put.Value, 1);
        var reference = broker.Reference(broker.SettingsWith(TestBroker.KeyId, TestBroker.Secret, new Uri(broker.Host.BaseUrl, "not-alpaca/")));

        var contract = await reference.GetContractAsync(Put, CancellationToken.None);

        Assert.IsType<BrokerFailure.Malformed>(contract.Failure);
    }

    [Fact]
    public async Task An_expired_contract_is_inactive()
    {
        await using var broker = await TestBroker.StartAsync();
        var expired = OptionSymbol.Parse("GOOGL260220C00340000");
        broker.Hold(expired.Value, 1);

        var contract = (await broker.Reference().GetContractAsync(expired, CancellationToken.None)).Value!;

        Assert.Equal((ContractStatus.Inactive, false), (contract.Status, contract.Tradable));
    }
}
