using Microsoft.Extensions.Time.Testing;
using PositionManager.Alpaca;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Streaming;
using PositionManager.Alpaca.Trading;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Hosting;

namespace PositionManager.Simulation.World;

/// <summary>
/// The PaperBroker in process on a manual clock, which is also the clock every actor reads, and the
/// real Alpaca clients pointed at it over loopback HTTP. One broker serves every scenario of a run;
/// scenarios keep apart by trading contracts of their own.
/// </summary>
public sealed class SimBroker : IAsyncDisposable
{
    private const string KeyId = "PKSIMULATION17";
    private const string Secret = "simulation-secret-17";

    // Budgets count on the simulated clock, where a whole scenario may last a minute: sized so the
    // client never holds a call back by its own count. Alpaca's 429s come from fault injection.
    private const int ClientBudget = 1_000_000;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private SimBroker(PaperBrokerHost host, FakeTimeProvider clock, PaperBrokerOptions options)
    {
        Host = host;
        Clock = clock;
        Options = options;
        Settings = new AlpacaSettings(KeyId, Secret, host.BaseUrl, host.BaseUrl, host.StreamUrl);
    }

    public PaperBrokerHost Host { get; }

    /// <summary>
    /// Simulated time for the broker and every actor. Its timers fire when it is advanced, so a client
    /// waiting for Alpaca's rate-limit reset waits for simulated time, not for the wall clock.
    /// </summary>
    public FakeTimeProvider Clock { get; }

    public PaperAccount Account => Host.Account;

    /// <summary>The options the broker was started with; its fill settings are read at each order, so a scenario may change them.</summary>
    public PaperBrokerOptions Options { get; }

    public AlpacaSettings Settings { get; }

    public static async Task<SimBroker> StartAsync(DateTimeOffset start)
    {
        var clock = new FakeTimeProvider(start);
        var options = new PaperBrokerOptions
        {
            SeedDemoAccount = false,
            ApiKeyId = KeyId,
            ApiSecretKey = Secret,
            RateLimitPerMinute = 1_000_000,
            StartingCash = 1_000_000_000m,
        };
        return new SimBroker(await PaperBrokerHost.StartAsync(options, time: clock), clock, options);
    }

    public IBrokerClient NewTradingClient() =>
        new AlpacaBrokerClient(_http, Settings, Clock, budget: new RequestBudget(Clock, ClientBudget));

    /// <summary>The contracts the reconciler reads at adoption (their underlying, for the policy rules).</summary>
    public IContractDirectory NewContractDirectory() =>
        new AlpacaReferenceClient(_http, Settings, Clock, new RequestBudget(Clock, ClientBudget));

    public IMarketData NewMarketData() =>
        new AlpacaMarketData(_http, Settings, Clock, budget: new RequestBudget(Clock, ClientBudget));

    public ITradeUpdateSource NewTradeStream() =>
        new AlpacaTradeUpdateStream(Settings, TimeProvider.System, options: new StreamOptions { InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(200) });

    /// <summary>Moves the simulated clock and fills what became due.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Host.Market.NotifyTimeMoved();
        Host.Pump();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _http.Dispose();
    }
}
