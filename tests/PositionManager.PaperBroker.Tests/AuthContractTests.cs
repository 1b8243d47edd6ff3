using System.Net;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

public sealed class AuthContractTests
{
    [Fact]
    public async Task Request_without_keys_is_401_with_alpaca_error_body()
    {
        await using var broker = await TestBroker.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = broker.Host.BaseUrl };

        var reply = await broker.SendAsync(HttpMethod.Get, "v2/account", client: anonymous);

        JsonAssert.ErrorBody(reply, 401, 40110000);
    }

    [Fact]
    public async Task Wrong_secret_is_401_and_the_body_never_echoes_it()
    {
        await using var broker = await TestBroker.StartAsync();
        using var wrong = new HttpClient { BaseAddress = broker.Host.BaseUrl };
        wrong.DefaultRequestHeaders.Add("APCA-API-KEY-ID", TestBroker.KeyId);
        wrong.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", "not-the-secret");

        var reply = await broker.SendAsync(HttpMethod.Get, "v2/positions", client: wrong);

        JsonAssert.ErrorBody(reply, 401, 40110000);
        Assert.DoesNotContain("not-the-secret", reply.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_configured_keys_any_non_empty_pair_is_accepted()
    {
        await using var broker = await TestBroker.StartAsync(o => (o.ApiKeyId, o.ApiSecretKey) = (null, null));
        using var anyPair = new HttpClient { BaseAddress = broker.Host.BaseUrl };
        anyPair.DefaultRequestHeaders.Add("APCA-API-KEY-ID", "whatever");
        anyPair.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", "anything");

        var reply = await broker.SendAsync(HttpMethod.Get, "v2/account", client: anyPair);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
    }

    [Theory]
    [InlineData("v2/account")]
    [InlineData("v2/nope")]
    [InlineData("_paper/faults")]
    public async Task Every_response_carries_the_rate_limit_headers(string path)
    {
        await using var broker = await TestBroker.StartAsync(o => o.RateLimitPerMinute = 200);

        var reply = await broker.GetAsync(path);

        Assert.Equal("200", reply.Header("X-RateLimit-Limit"));
        Assert.True(int.Parse(reply.Header("X-RateLimit-Remaining"), System.Globalization.CultureInfo.InvariantCulture) is >= 0 and <= 200);
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(reply.Header("X-RateLimit-Reset"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TestBroker.Start.AddMinutes(1), reset);
    }

    [Fact]
    public async Task Secrets_never_appear_in_the_logs()
    {
        using var logs = new CapturingLoggerProvider();
        await using var broker = await TestBroker.StartAsync(logs: logs);
        using var wrong = new HttpClient { BaseAddress = broker.Host.BaseUrl };
        wrong.DefaultRequestHeaders.Add("APCA-API-KEY-ID", TestBroker.KeyId);
        wrong.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", "wrong-secret-value");

        await broker.SubmitAsync("AAPL", 1, "buy");
        await broker.SendAsync(HttpMethod.Get, "v2/account", client: wrong);
        await using (var stream = await StreamClient.ListeningAsync(broker.Host.StreamUrl))
        {
            await broker.SubmitAsync("AAPL", 1, "sell");
            await stream.ReceiveEventAsync("fill");
        }

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(TestBroker.Secret, StringComparison.Ordinal) || l.Contains("wrong-secret-value", StringComparison.Ordinal));
    }
}
