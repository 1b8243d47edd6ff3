using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Faults;
using PositionManager.PaperBroker.Market;
using PositionManager.PaperBroker.QuoteStream;
using PositionManager.PaperBroker.Streaming;

namespace PositionManager.PaperBroker.Hosting;

/// <summary>
/// The broker embedded in-process (the node's default broker, the tests' broker): listens on
/// 127.0.0.1 only, on the given port or a free one, and hands out the simulation's handles.
/// </summary>
public sealed class PaperBrokerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PaperBrokerHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Account = app.Services.GetRequiredService<PaperAccount>();
        Market = app.Services.GetRequiredService<MarketSimulator>();
        Faults = app.Services.GetRequiredService<FaultInjector>();
        Stream = app.Services.GetRequiredService<TradeUpdateHub>();
        QuoteStreams = app.Services.GetRequiredService<QuoteStreamHub>();
        Driver = app.Services.GetRequiredService<SimulationDriver>();
        Requests = app.Services.GetRequiredService<Api.RequestTally>();
    }

    /// <summary>Trading and data base URL, e.g. <c>http://127.0.0.1:41234/</c>; the stream is <c>ws://…/stream</c>.</summary>
    public Uri BaseUrl { get; }

    public Uri StreamUrl => new($"ws://{BaseUrl.Authority}/stream");

    /// <summary>The options market data websocket of a feed (<c>indicative</c> or <c>opra</c>).</summary>
    public Uri QuoteStreamUrl(string feed = "indicative") => new($"ws://{BaseUrl.Authority}/v1beta1/{feed}");

    public PaperAccount Account { get; }

    public MarketSimulator Market { get; }

    public FaultInjector Faults { get; }

    public TradeUpdateHub Stream { get; }

    public QuoteStreamHub QuoteStreams { get; }

    public SimulationDriver Driver { get; }

    /// <summary>Alpaca requests answered, by route (also <c>GET /_paper/requests</c>).</summary>
    public Api.RequestTally Requests { get; }

    /// <param name="options">Broker settings; <c>new PaperBrokerOptions { SeedDemoAccount = false }</c> for an empty account.</param>
    /// <param name="port">0 picks a free port.</param>
    /// <param name="time">A <see cref="Time.ManualTimeProvider"/> makes fills and quotes move only on <see cref="Advance"/>.</param>
    /// <param name="logging">Where logs go; by default nowhere, as tests want.</param>
    public static async Task<PaperBrokerHost> StartAsync(
        PaperBrokerOptions options,
        int port = 0,
        TimeProvider? time = null,
        Action<ILoggingBuilder>? logging = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        var app = PaperBrokerApp.Build(builder, options, time);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PaperBrokerHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Advances the manual clock and works every order that became due; returns the fills made.</summary>
    public int Advance(TimeSpan by) => Driver.Advance(by);

    /// <summary>Works due orders at the current time; returns the fills made.</summary>
    public int Pump() => Driver.Pump();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
