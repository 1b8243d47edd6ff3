using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Node.Configuration;

namespace PositionManager.Node.Hosting;

/// <summary>
/// One running node: settings read and checked, the broker chosen (embedded or Alpaca), the
/// journal prepared, then the generic host with the actor system (gateway, position region,
/// price feed, reconciler). Program runs it until Ctrl+C; tests start it in-process.
/// </summary>
public sealed class PositionManagerNode : IAsyncDisposable
{
    private readonly IHost _host;
    private int _disposed;

    private PositionManagerNode(IHost host, BrokerEndpoint broker, PositionManagerOptions options, string journal)
    {
        _host = host;
        Broker = broker;
        Options = options;
        Journal = journal;
    }

    public IServiceProvider Services => _host.Services;

    public ActorSystem System => Services.GetRequiredService<ActorSystem>();

    public BrokerEndpoint Broker { get; }

    public PositionManagerOptions Options { get; }

    /// <summary>Where the journal is, as the start-up log says it.</summary>
    public string Journal { get; }

    /// <param name="args">Command-line settings (<c>--PositionManager:DataDirectory=…</c>).</param>
    /// <param name="overrides">Highest-precedence settings (tests).</param>
    /// <exception cref="NodeSettingsException">A setting is wrong; nothing was started.</exception>
    public static async Task<PositionManagerNode> StartAsync(string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null, CancellationToken cancellationToken = default)
    {
        var configuration = NodeConfiguration.Build(args, overrides);
        var options = PositionManagerOptions.Read(configuration);
        var embedded = NodeConfiguration.UsesEmbeddedBroker(configuration);
        var broker = await BrokerEndpoint.OpenAsync(configuration, cancellationToken);
        try
        {
            var (journal, journalDescription) = JournalSetup.Prepare(options, embedded);
            var host = Build(args, configuration, options, journal, broker);
            StartupReport.Log(host.Services.GetRequiredService<ILoggerFactory>(), broker, options, journalDescription);
            await host.StartAsync(cancellationToken);
            if (broker.Embedded is not null)
            {
                StartupReport.PrintWhatToWatch(Console.Out, broker, journalDescription);
            }

            return new PositionManagerNode(host, broker, options, journalDescription);
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
        _host.Dispose();
        await Broker.DisposeAsync();
    }

    private static IHost Build(string[] args, IConfiguration configuration, PositionManagerOptions options, Actors.Configuration.JournalTarget journal, BrokerEndpoint broker)
    {
        // No defaults: the configuration is the node's own (NodeConfiguration), not the working directory's.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            DisableDefaults = true,
            ApplicationName = "PositionManager.Node",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddConfiguration(configuration);
        NodeLogging.Configure(builder.Logging, configuration);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.Console);
        services.AddSingleton(broker);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new BrokerClients(broker, options.MarketData, TimeProvider.System, sp.GetRequiredService<ILoggerFactory>()));
        services.AddAkka(PositionManagerAkka.SystemName, (akka, sp) =>
        {
            var clients = sp.GetRequiredService<BrokerClients>();
            var positions = PositionSettings.Default;
            akka.ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLogger<AkkaLogBridge>();
            });
            akka.ConfigurePositionManager(new NodeSetup(
                journal,
                Gateway: null,
                positions,
                TimeProvider.System,
                Broker: new BrokerGatewaySetup(clients.Trading, clients.Stream, GatewaySettings.Default),
                Prices: new PriceFeedSetup(clients.MarketData, new PriceFeedSettings(options.MarketData.PollInterval, positions.MaxQuoteAge)),
                Reconciler: new ReconcilerSetup(clients.Trading, new ReconcilerSettings(options.Reconcile.Interval, options.ExitPolicy.ToPolicy()))));
        });
        if (options.Console.Watch)
        {
            services.AddHostedService<PositionWatchService>();
        }

        return builder.Build();
    }
}
