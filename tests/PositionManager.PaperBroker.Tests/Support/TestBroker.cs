using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PositionManager.PaperBroker.Hosting;
using PositionManager.PaperBroker.Time;

namespace PositionManager.PaperBroker.Tests.Support;

/// <summary>
/// A broker on 127.0.0.1 and a free port, on a manual clock, with an empty account and fixed keys,
/// plus an HttpClient that speaks to it over real HTTP. Tuesday 2026-11-24 15:00Z is 10:00 in New York.
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    public const string KeyId = "test-key-id";
    public const string Secret = "test-secret-key";
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    private TestBroker(PaperBrokerHost host, ManualTimeProvider clock)
    {
        Host = host;
        Clock = clock;
        Http = new HttpClient { BaseAddress = host.BaseUrl };
        Http.DefaultRequestHeaders.Add("APCA-API-KEY-ID", KeyId);
        Http.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", Secret);
    }

    public PaperBrokerHost Host { get; }

    public ManualTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public static async Task<TestBroker> StartAsync(Action<PaperBrokerOptions>? configure = null, ILoggerProvider? logs = null)
    {
        var options = new PaperBrokerOptions { SeedDemoAccount = false, ApiKeyId = KeyId, ApiSecretKey = Secret, RateLimitPerMinute = 10_000 };
        configure?.Invoke(options);
        var clock = new ManualTimeProvider(Start);
        var host = await PaperBrokerHost.StartAsync(options, port: 0, time: clock, logging: logs is null ? null : l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        return new TestBroker(host, clock);
    }

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Reply> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<Reply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public Task<Reply> SubmitAsync(string symbol, int qty, string side, string? intent = null, string? clientOrderId = null, string extra = "")
    {
        var intentField = intent is null ? "" : $",\"position_intent\":\"{intent}\"";
        var cid = clientOrderId ?? Guid.NewGuid().ToString("N");
        return PostAsync("v2/orders", $"{{\"symbol\":\"{symbol}\",\"qty\":\"{qty}\",\"side\":\"{side}\",\"type\":\"market\",\"time_in_force\":\"day\",\"client_order_id\":\"{cid}\"{intentField}{extra}}}");
    }

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? json = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await (client ?? Http).SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        var body = raw.Length == 0 ? default : JsonDocument.Parse(raw).RootElement.Clone();
        return new Reply(response.StatusCode, body, response.Headers, raw);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
