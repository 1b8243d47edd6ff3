using System.Reflection;
using Microsoft.Extensions.Logging;
using PositionManager.Actors.Nodes;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Symbols;
using PositionManager.Node.Configuration;

namespace PositionManager.Node.Hosting;

/// <summary>What the node says at start: what it runs against (URLs, never keys), and for a first run, what to look for.</summary>
internal static class StartupReport
{
    public static void Log(ILoggerFactory loggers, BrokerEndpoint broker, PositionManagerOptions options, string journal)
    {
        var logger = loggers.CreateLogger("PositionManager.Node");
        var version = typeof(StartupReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        logger.LogInformation("Position manager {Version} starting; broker: {BrokerKind}, {Broker}", version, broker.TradesWith.Describe(), broker.Description);
        if (broker.TradesWith.Kind == BrokerKind.Live)
        {
            logger.LogWarning("This node trades LIVE at {BrokerHost}: every close it sends is a real order", broker.TradesWith.Host);
        }

        logger.LogInformation("Journal: {Journal}", journal);
        logger.LogInformation(
            "Quotes polled every {PollInterval} ({Feed} feed); broker reconciled every {ReconcileInterval}",
            options.MarketData.PollInterval,
            options.MarketData.Feed.ToString().ToLowerInvariant(),
            options.Reconcile.Interval);
        LogPolicies(logger, options);
        logger.LogInformation(
            "Quotes older than {MaxQuoteAge} move nothing; a close is sent to the gateway again after {GatewayAckTimeout} unacknowledged, then every {PendingExitResendInterval} until its order ends",
            options.Positions.MaxQuoteAge,
            options.Positions.GatewayAckTimeout,
            options.Positions.PendingExitResendInterval);
        logger.LogInformation(
            "Gateway: a queued close is refused after {MaxAttempts} broker failures in a row; the latest {RetainCompleted} done intents are remembered",
            options.Gateway.MaxAttempts,
            options.Gateway.RetainCompleted);
        logger.LogInformation("Cluster: {Formation}", DescribeFormation(options.Cluster));
        if (options.Notify.WebhookUrl is { } webhook)
        {
            logger.LogInformation("Notifications: {Format} webhook {Webhook}", options.Notify.Format.ToString().ToLowerInvariant(), Notifications.RedactedUrl.Of(webhook));
        }
    }

    /// <summary>The default policy and every rule, in the order they are tried at adoption.</summary>
    internal static void LogPolicies(ILogger logger, PositionManagerOptions options)
    {
        var book = options.Policies;
        logger.LogInformation("Adopted positions get, unless a rule matches, the default policy: {Policy}", ExitPolicyText.Describe(book.Default));
        if (book.Default is { Trailing: null, StopLossPercent: null, TakeProfitPercent: null, TimeExit: null, ScaleOutTargets.Count: 0 })
        {
            logger.LogWarning("The default exit policy has no exit: adopted positions no rule matches are watched but never closed");
        }

        if (book.Rules.Count == 0)
        {
            logger.LogInformation("Policy rules: none (PositionManager__Policies__0__Name…); every adopted position gets the default policy");
            return;
        }

        for (var index = 0; index < book.Rules.Count; index++)
        {
            var rule = book.Rules[index];
            logger.LogInformation(
                "Policy rule {Index} {RuleName} ({Matches}): {Policy}",
                index,
                rule.Name,
                PolicyRuleText.Matchers(rule),
                ExitPolicyText.Describe(rule.Policy));
        }
    }

    private static string DescribeFormation(ClusterNodeOptions cluster) => cluster.Formation switch
    {
        { UsesBootstrap: false } when cluster.SeedNodes.Count == 0 => "a cluster of this node alone (no seed nodes)",
        { UsesBootstrap: false } => $"joins through seed nodes {string.Join(", ", cluster.SeedNodes)}",
        var formation => $"Cluster Bootstrap through {formation.Discovery.ToString().ToLowerInvariant()} discovery of service '{formation.ServiceName}' "
            + $"(management endpoint {cluster.Hostname}:{formation.ManagementPort}, {formation.RequiredContactPoints} contact points required)",
    };

    public static void LogAdmin(ILoggerFactory loggers, Uri adminUrl, Admin.AdminToken token)
    {
        var logger = loggers.CreateLogger("PositionManager.Node");
        logger.LogInformation(
            "Console {ConsoleUrl}; admin endpoint {AdminUrl} (health {Live} and {Ready}, metrics {Metrics}); changes need the admin token{TokenSource}",
            ConsoleUrl(adminUrl),
            adminUrl,
            PositionManager.Admin.AdminRoutes.Liveness,
            PositionManager.Admin.AdminRoutes.Readiness,
            PositionManager.Admin.AdminRoutes.Metrics,
            token.File is { } file ? $", written to {file}" : " (PositionManager__Admin__Token)");
    }

    /// <summary>The browser console on this node's admin endpoint (its pages are the same on every node).</summary>
    public static string ConsoleUrl(Uri adminUrl) => $"{adminUrl.ToString().TrimEnd('/')}{PositionManager.Admin.AdminRoutes.Console}/";

    public static void PrintWhatToWatch(TextWriter console, BrokerEndpoint broker, string journal, Uri adminUrl, bool defaultAdminPort)
    {
        var url = broker.Embedded!.BaseUrl.ToString().TrimEnd('/');

        // An example contract that expires with the demo's own (a hard-coded one would expire).
        var demoExpiry = broker.Embedded.Account.Positions()
            .Select(p => OptionSymbol.TryParse(p.Position.Symbol, out var symbol, out _) ? symbol : null)
            .FirstOrDefault(s => s is not null)?.Expiry ?? DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(2));
        var example = OptionSymbol.Create("MSFT", demoExpiry, OptionRight.Call, 500m).Value;
        var node = defaultAdminPort ? string.Empty : $" --node {adminUrl.ToString().TrimEnd('/')}";
        console.WriteLine($$"""

            ── Position manager demo ─────────────────────────────────────────────────────────────
            Open the console in a browser: {{ConsoleUrl(adminUrl)}}
            No APCA_API_KEY_ID is set, so this node trades with its own PaperBroker at {{url}}:
            a paper account holding a few long option contracts and 100 AAPL shares, quotes moving
            every second. Within a minute you should see, in this order:
              ADOPTED …              the reconciler takes each option position under management
              ALERT StockPosition …  the AAPL shares: never managed, never sold
              TRAIL …                a new high moved a position's trailing stop up
              Exit 1 of …            a price fell through its stop; the close goes to the gateway
              Order … sell_to_close  the broker received ONE sell of THAT contract (not the stock)
              CLOSED …               the fill came back; the position is done
            Ask the node what it is doing (from this directory; `pmctl --help` lists every command):
              dotnet run --project src/PositionManager.Cli -- positions list{{node}}
              dotnet run --project src/PositionManager.Cli -- position history <symbol>{{node}}
              dotnet run --project src/PositionManager.Cli -- orders recent{{node}}
            Look at the broker yourself (any key pair works):
              curl -s -H 'APCA-API-KEY-ID: demo' -H 'APCA-API-SECRET-KEY: demo' {{url}}/v2/positions
              curl -s -H 'APCA-API-KEY-ID: demo' -H 'APCA-API-SECRET-KEY: demo' '{{url}}/v2/orders?status=all'
            Give it another contract to adopt at the next pass:
              curl -s -X PUT -H 'Content-Type: application/json' -d '{"qty":3,"avg_entry_price":"4.00"}' \
                {{url}}/_paper/positions/{{example}}
            Journal: {{journal}} (new each demo run). Stop with Ctrl+C.
            ──────────────────────────────────────────────────────────────────────────────────────

            """);
    }
}
