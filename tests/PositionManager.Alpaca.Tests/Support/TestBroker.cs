using System.Text;
using Microsoft.Extensions.Logging;
using PositionManager.Alpaca;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Trading;
using PositionManager.PaperBroker.Hosting;
using PositionManager.PaperBroker.Time;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>
/// A PaperBroker of its own for one test: 127.0.0.1, a free port, an empty account, fixed keys, a
/// manual clock (Tuesday 2026-11-24 15:00Z, market open). Hands out Alpaca clients pointed at it
/// and disposes them with itself.
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    public const string KeyId = "PKTESTKEYID4242";
    public const string Secret = "test-secret-Zq8v3mN1xR7";
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    private readonly List<HttpClient> _clients = [];

    private TestBroker(PaperBrokerHost host, ManualTimeProvider clock)
    {
        Host = host;
        Clock = clock;
        Settings = SettingsWith(KeyId, Secret);
    }

    public PaperBrokerHost Host { get; }

    public ManualTimeProvider Clock { get; }

    /// <summary>The right keys, the broker's URLs.</summary>
    public AlpacaSettings Settings { get; }

    public static async Task<TestBroker> StartAsync(Action<PaperBrokerOptions>? configure = null)
    {
        var options = new PaperBrokerOptions { SeedDemoAccount = false, ApiKeyId = KeyId, ApiSecretKey = Secret, RateLimitPerMinute = 10_000 };
        configure?.Invoke(options);
        var clock = new ManualTimeProvider(Start);
        return new TestBroker(await PaperBrokerHost.StartAsync(options, port: 0, time: clock), clock);
    }

    public AlpacaSettings SettingsWith(string keyId, string secret, Uri? tradingBaseUrl = null) =>
        new(keyId, secret, tradingBaseUrl ?? Host.BaseUrl, Host.BaseUrl, Host.StreamUrl);

    public AlpacaBrokerClient Client(
        AlpacaSettings? settings = null,
        TimeProvider? time = null,
        ILogger? logger = null,
        RequestBudget? budget = null,
        TimeSpan? httpTimeout = null)
    {
        var http = new HttpClient { Timeout = httpTimeout ?? TimeSpan.FromSeconds(30) };
        _clients.Add(http);
        return new AlpacaBrokerClient(http, settings ?? Settings, time ?? TimeProvider.System, logger, budget);
    }

    /// <summary>The clock, calendar and contract client, on the trading client's <paramref name="budget"/> when given one.</summary>
    public AlpacaReferenceClient Reference(AlpacaSettings? settings = null, TimeProvider? time = null, RequestBudget? budget = null)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        _clients.Add(http);
        time ??= TimeProvider.System;
        return new AlpacaReferenceClient(http, settings ?? Settings, time, budget ?? new RequestBudget(time));
    }

    /// <summary>A long (positive) or short (negative) position, as if it had been held for a while.</summary>
    public void Hold(string symbol, decimal qty, decimal averageEntryPrice = 5.00m) =>
        Host.Account.SeedPosition(symbol, qty, averageEntryPrice);

    public void Quote(string symbol, decimal bid, decimal ask) => Host.Market.SetQuote(symbol, bid, ask);

    /// <summary>Calls the broker's control API (<c>/_paper/…</c>), the way an operator with curl would.</summary>
    public async Task ControlAsync(HttpMethod method, string path, string? json = null)
    {
        using var http = new HttpClient { BaseAddress = Host.BaseUrl };
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"control {method} {path}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task ArmFaultsAsync(string json) => ControlAsync(HttpMethod.Post, "_paper/faults", json);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
    }
}
