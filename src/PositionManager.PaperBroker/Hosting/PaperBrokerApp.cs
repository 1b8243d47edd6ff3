using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Api;
using PositionManager.PaperBroker.Contracts;
using PositionManager.PaperBroker.Faults;
using PositionManager.PaperBroker.Market;
using PositionManager.PaperBroker.QuoteStream;
using PositionManager.PaperBroker.Streaming;
using PositionManager.PaperBroker.Time;
using PositionManager.PaperBroker.Wire;

namespace PositionManager.PaperBroker.Hosting;

/// <summary>Wires the broker into a <see cref="WebApplicationBuilder"/>: the same code runs standalone and embedded.</summary>
public static class PaperBrokerApp
{
    public static WebApplication Build(WebApplicationBuilder builder, PaperBrokerOptions options, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton(CreateCalendar(options));
        var contracts = ConfiguredContracts(options);
        services.AddSingleton(new ApiKeys(options.ApiKeyId, options.ApiSecretKey));
        services.AddSingleton(new RateLimitWindows(new RateLimitWindow(time, options.RateLimitPerMinute), new RateLimitWindow(time, options.MarketDataRateLimitPerMinute)));
        services.AddSingleton<RequestTally>();
        services.AddSingleton(_ => CreateMarket(options, time));
        services.AddSingleton(_ =>
        {
            var faults = new FaultInjector();
            faults.Arm(options.Faults);
            return faults;
        });
        services.AddSingleton<TradeUpdateHub>();
        services.AddSingleton<QuoteStreamHub>();
        services.AddSingleton(sp => new PaperAccount(
            time,
            sp.GetRequiredService<MarketSimulator>(),
            options.Fills,
            sp.GetRequiredService<FaultInjector>(),
            sp.GetRequiredService<TradeUpdateHub>().Publish,
            sp.GetRequiredService<ILogger<PaperAccount>>(),
            options.StartingCash));
        services.AddSingleton(sp => new ContractDirectory(sp.GetRequiredService<PaperAccount>(), sp.GetRequiredService<MarketSimulator>(), time, contracts));
        services.AddSingleton<SimulationDriver>();
        services.AddHostedService<FillPumpService>();
        services.AddHostedService<QuoteTickerService>();
        services.ConfigureHttpJsonOptions(json => Configure(json.SerializerOptions));

        var app = builder.Build();
        Initialise(app.Services, options);

        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<AuthMiddleware>();
        app.UseWebSockets();
        app.MapTradingEndpoints();
        app.MapOrderEndpoints();
        app.MapMarketDataEndpoints();
        app.MapControlEndpoints();
        app.MapStreamEndpoint();
        app.MapQuoteStreamEndpoint();
        return app;
    }

    /// <summary>A schedule that cannot be simulated stops the start with one clear line.</summary>
    private static MarketCalendar CreateCalendar(PaperBrokerOptions options)
    {
        var schedule = MarketSchedule.Create(options.MarketAlwaysOpen, options.MarketHolidays, options.MarketEarlyCloses);
        return schedule.Problem() is { } problem
            ? throw new InvalidOperationException($"PaperBroker market schedule: {problem}")
            : new MarketCalendar(schedule);
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ConfiguredContracts(PaperBrokerOptions options)
    {
        foreach (var contract in options.Contracts)
        {
            if (ContractDirectory.Problem(contract.Symbol, contract.UnderlyingSymbol) is { } problem)
            {
                throw new InvalidOperationException($"PaperBroker:Contracts: {problem}");
            }
        }

        return [.. options.Contracts.Select(c => KeyValuePair.Create(c.Symbol, c.UnderlyingSymbol))];
    }

    private static MarketSimulator CreateMarket(PaperBrokerOptions options, TimeProvider time)
    {
        var market = new MarketSimulator(time, options.RandomSeed);
        foreach (var path in options.Quotes)
        {
            market.SetPath(path.Symbol, QuotePathFactory.Create(path, market.Start, options.RandomSeed));
        }

        return market;
    }

    private static void Initialise(IServiceProvider services, PaperBrokerOptions options)
    {
        var account = services.GetRequiredService<PaperAccount>();
        var market = services.GetRequiredService<MarketSimulator>();
        var tradeStreams = services.GetRequiredService<TradeUpdateHub>();
        var quoteStreams = services.GetRequiredService<QuoteStreamHub>();
        services.GetRequiredService<FaultInjector>().StreamsDropRequested += () => tradeStreams.DropAll() + quoteStreams.DropAll();
        if (options.SeedDemoAccount)
        {
            DemoAccount.Open(account, market, options.RandomSeed);
        }

        foreach (var seed in options.Positions)
        {
            account.SeedPosition(seed.Symbol, seed.Qty, seed.AvgEntryPrice);
        }
    }

    private static void Configure(JsonSerializerOptions json)
    {
        json.TypeInfoResolverChain.Insert(0, PaperJsonContext.Default);
        PaperJson.Configure(json);
    }
}
