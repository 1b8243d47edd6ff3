using PositionManager.Alpaca.Tests.Support;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Alpaca.Tests;

/// <summary>docs/DESIGN.md invariant 9: refused keys are Unauthorized, and no key reaches a message, a ToString or a log.</summary>
public sealed class AuthTests
{
    private const string Call = "GOOGL260220C00340000";
    private const string WrongKeyId = "PKWRONGKEY0077";
    private const string WrongSecret = "wrong-secret-Hq2w9Lp4";

    [Fact]
    public async Task Wrong_keys_are_unauthorized_on_every_call()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 1);
        var client = broker.Client(broker.SettingsWith(WrongKeyId, WrongSecret));

        BrokerFailure?[] failures =
        [
            (await client.GetPositionAsync(Call, CancellationToken.None)).Failure,
            (await client.ListPositionsAsync(CancellationToken.None)).Failure,
            (await client.SubmitOrderAsync(AnExit.SellToClose(Call, 1), CancellationToken.None)).Failure,
            (await client.GetOrderByClientOrderIdAsync("pm-a", CancellationToken.None)).Failure,
            (await client.ListOpenOrdersAsync(10, CancellationToken.None)).Failure,
        ];

        Assert.All(failures, f => Assert.Equal(401, Assert.IsType<BrokerFailure.Unauthorized>(f).HttpStatus));
    }

    [Fact]
    public async Task Keys_appear_in_no_failure_message_ToString_or_log_line()
    {
        await using var broker = await TestBroker.StartAsync();
        var logs = new CapturingLogger();
        var client = broker.Client(broker.SettingsWith(WrongKeyId, WrongSecret), logger: logs);

        var failure = (await client.ListPositionsAsync(CancellationToken.None)).Failure!;

        Assert.IsType<BrokerFailure.Unauthorized>(failure);
        Assert.NotEmpty(logs.Lines);
        foreach (var text in new[] { failure.Message, failure.ToString(), logs.All })
        {
            Assert.DoesNotContain(WrongSecret, text);
            Assert.DoesNotContain(WrongKeyId, text);
        }

        Assert.Contains(AlpacaSettings.SecretKeyVariable, failure.Message); // names where to look, not what is there
    }

    [Fact]
    public async Task Keys_appear_in_no_message_of_a_transport_failure()
    {
        var broker = await TestBroker.StartAsync();
        var settings = broker.Settings;
        await broker.DisposeAsync();
        var logs = new CapturingLogger();
        using var http = new HttpClient();
        var client = new AlpacaBrokerClient(http, settings, TimeProvider.System, logs);

        var failure = (await client.SubmitOrderAsync(AnExit.SellToClose(Call, 1), CancellationToken.None)).Failure!;

        foreach (var text in new[] { failure.ToString(), logs.All })
        {
            Assert.DoesNotContain(TestBroker.Secret, text);
            Assert.DoesNotContain(TestBroker.KeyId, text);
        }
    }
}
