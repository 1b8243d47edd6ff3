using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Market;
using PositionManager.Actors.Reconciliation;
using PositionManager.Domain.Policies;
using PositionManager.Node.Admin;
using PositionManager.Node.Configuration;
using PositionManager.Node.Http;
using PositionManager.Node.Notifications;
using PositionManager.Node.WebConsole;
using Prometheus;

namespace PositionManager.Node.Hosting;

/// <summary>
/// One running node: settings read and checked, the broker chosen (embedded or Alpaca), the
/// journal prepared, then the host with the actor system (gateway, position region, price feed,
/// reconciler) and its HTTP listener (admin, health, metrics). Program runs it until Ctrl+C;
/// tests start it in-process.
/// </summary>
public sealed class PositionManagerNode : IAsyncDisposable
{
    private readonly WebApplication _host;
    private int _disposed;

    private PositionManagerNode(WebApplication host, BrokerEndpoint broker, PositionManagerOptions options, string journal, AdminToken adminToken)
    {
        _host = host;
        Broker = broker;
        Options = options;
        Journal = journal;
        AdminToken = adminToken;
        AdminUrl = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public IServiceProvider Services => _host.Services;

    public ActorSystem System => Services.GetRequiredService<ActorSystem>();

    public BrokerEndpoint Broker { get; }

    public PositionManagerOptions Options { get; }

    /// <summary>Where the journal is, as the start-up log says it.</summary>
    public string Journal { get; }

    /// <summary>The admin endpoint as bound (the port is real even when 0 was asked for).</summary>
    public Uri AdminUrl { get; }

    public AdminToken AdminToken { get; }

    /// <param name="args">Command-line settings (<c>--PositionManager:DataDirectory=…</c>).</param>
    /// <param name="overrides">Highest-precedence settings (tests).</param>
    /// <exception cref="NodeSettingsException">A setting is wrong; nothing was started.</exception>
    public static async Task<PositionManagerNode> StartAsync(string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null, CancellationToken cancellationToken = default)
    {
        var configuration = NodeConfiguration.Build(args, overrides);
        var options = PositionManagerOptions.Read(configuration);
        var embedded = NodeConfiguration.UsesEmbeddedBroker(configuration);
        var broker = await BrokerEndpoint.OpenAsync(configuration, options.Broker, cancellationToken);
        try
        {
            var (journal, journalDescription) = JournalSetup.Prepare(options, embedded);
            var adminToken = AdminToken.Resolve(options.Admin, options.DataDirectory);
            var host = Build(args, configuration, options, journal, broker, adminToken);
            var loggers = host.Services.GetRequiredService<ILoggerFactory>();
            StartupReport.Log(loggers, broker, options, journalDescription);

            // prometheus-net starts listening to .NET meters just before its first collection; counts
            // made before that (adoptions, exits at start-up) would never be exported.
            await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null, cancellationToken);
            await host.StartAsync(cancellationToken);
            var node = new PositionManagerNode(host, broker, options, journalDescription, adminToken);
            NodeReadyMetric.Watch(node.System, host.Services.GetRequiredService<ActorRegistry>());
            StartupReport.LogAdmin(loggers, node.AdminUrl, adminToken);
            if (broker.Embedded is not null)
            {
                StartupReport.PrintWhatToWatch(Console.Out, broker, journalDescription, node.AdminUrl, options.Admin.Endpoint.Port == 9110);
            }

            return node;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes when the host stops (Ctrl+C, SIGTERM, or <see cref="DisposeAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _host.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _host.StopAsync();
        await _host.DisposeAsync();
        await Broker.DisposeAsync();
    }

    private static WebApplication Build(string[] args, IConfiguration configuration, PositionManagerOptions options, Persistence.JournalTarget journal, BrokerEndpoint broker, AdminToken adminToken)
    {
        // Empty: the configuration is the node's own (NodeConfiguration), not the working directory's,
        // and Kestrel listens only where PositionManager:Admin:Url says.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = "PositionManager.Node",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(options.Admin.Endpoint));
        builder.Services.AddRoutingCore();

        // SIGTERM: shards and singletons hand off before the host gives up (deploy/ecs: ECS waits 90 s).
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(60));

        builder.Services.AddHealthChecks();
        builder.Configuration.AddConfiguration(configuration);
        NodeLogging.Configure(builder.Logging, configuration);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.Console);
        services.AddSingleton(broker);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new MarketClockView());
        services.AddNotifications(options.Notify);
        services.AddSingleton(sp => new BrokerClients(broker, options.MarketData, TimeProvider.System, sp.GetRequiredService<ILoggerFactory>()));
        var policies = options.Policies;
        services.AddSingleton(sp => new AdminApi(
            sp.GetRequiredService<ActorSystem>(), sp.GetRequiredService<ActorRegistry>(), AdminTimeouts.Default, TimeProvider.System,
            new PolicyRules(policies, sp.GetRequiredService<BrokerClients>().Contracts)));
        services.AddAkka(PositionManagerAkka.SystemName, (akka, sp) =>
        {
            var clients = sp.GetRequiredService<BrokerClients>();
            akka.ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLogger<AkkaLogBridge>();
            });
            akka.ConfigurePositionManager(new NodeSetup(
                journal,
                Gateway: null,
                options.Positions.ToSettings(),
                TimeProvider.System,
                Broker: new BrokerGatewaySetup(clients.Trading, clients.Stream, options.Gateway.ToSettings()),
                Prices: new PriceFeedSetup(clients.MarketData, options.PriceFeedSettings(), clients.QuoteStream),
                Reconciler: new ReconcilerSetup(clients.Reconciling, clients.Contracts, new ReconcilerSettings(options.Reconcile.Interval, policies)),
                Hostname: options.Cluster.Hostname,
                Port: options.Cluster.Port,
                SeedNodes: options.Cluster.SeedNodes,
                JoinSelf: !options.Cluster.Formation.UsesBootstrap,
                TradesWith: broker.TradesWith,
                Market: new MarketClockSetup(clients.Reference, sp.GetRequiredService<MarketClockView>(), MarketClockSettings.Default)));
            akka.WithClusterFormation(options.Cluster);
            akka.WithNodeHealthChecks(sp.GetRequiredService<MarketClockView>(), TimeProvider.System);
            akka.WithNotifier(sp, options.Notify);
        });
        if (options.Cluster.Formation.UsesBootstrap)
        {
            services.AddHostedService(sp => new BootstrapContactPoint(
                sp.GetRequiredService<ActorSystem>(),
                BootstrapContactPoint.Endpoint(options.Cluster.Hostname, options.Cluster.Formation.ManagementPort),
                sp.GetRequiredService<ILogger<BootstrapContactPoint>>()));
        }

        services.AddSingleton<PriceSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<PriceSampler>());
        if (options.Console.Watch)
        {
            services.AddHostedService<PositionWatchService>();
        }

        var app = builder.Build();
        app.UseRouting();
        app.MapNodeHealth();
        app.MapMetrics(PositionManager.Admin.AdminRoutes.Metrics);
        app.MapConsole();
        app.MapAdmin(new AdminAuthorization(adminToken, options.Admin.IsLoopback, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PositionManager.Admin")));
        return app;
    }
}
