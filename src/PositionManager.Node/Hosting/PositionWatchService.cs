using System.Globalization;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Quotes;
using PositionManager.Node.Configuration;

namespace PositionManager.Node.Hosting;

/// <summary>
/// The first-run console: every interval, asks each open position for its state and prints what
/// changed (adopted, a trailing stop moved up, an exit sent, closed). Positions do not publish
/// their events, so this reads them like any client would; it is meant for a handful of positions
/// (PositionManager__Console__Watch, on for the embedded broker only).
/// </summary>
internal sealed class PositionWatchService(ActorRegistry registry, ConsoleOptions options, ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private readonly ILogger _log = loggers.CreateLogger("PositionManager.Watch");
    private readonly Dictionary<string, PositionState> _seen = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reconciler = await registry.GetAsync<ReconcilerProxy>(stoppingToken);
        var region = await registry.GetAsync<PositionRegion>(stoppingToken);
        using var timer = new PeriodicTimer(options.WatchInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var watched = await reconciler.Ask<PriceFeedProtocol.Watch>(ReconcilerProtocol.GetWatched.Instance, AskTimeout, stoppingToken);
                var ids = watched.Positions.Select(p => p.PositionId).Union(_seen.Keys).ToList();
                foreach (var id in ids)
                {
                    var view = await region.Ask<PositionProtocol.PositionView>(new PositionProtocol.GetState(id), AskTimeout, stoppingToken);
                    Report(view);
                }
            }
            catch (AskTimeoutException)
            {
                // A busy or recovering node answers next time; the console can wait.
            }
        }
    }

    private void Report(PositionProtocol.PositionView view)
    {
        var now = view.State;
        var symbol = now.PositionId;
        _seen.TryGetValue(symbol, out var before);
        if (now.Status == PositionStatus.Closed)
        {
            if (before is not null)
            {
                _log.LogInformation("CLOSED {Symbol}: {Reason}; {Quantity} of {Original} contracts left", symbol, now.ClosedReason, now.Quantity, now.OriginalQuantity);
            }

            _seen.Remove(symbol);
            return;
        }

        if (now.Status != PositionStatus.Open)
        {
            return;
        }

        if (before is null)
        {
            _log.LogInformation("WATCHING {Symbol}: {Quantity} {Side} from {Entry}, stop {Stop}", symbol, now.Quantity, now.Side.ToString().ToLowerInvariant(), Describe(now.EntryPrice), Describe(now.Stop));
        }
        else if (now.Stop != before.Stop || now.Peak != before.Peak)
        {
            _log.LogInformation("TRAIL {Symbol}: {Source} {Price} set a new peak {Peak}; stop {OldStop} -> {Stop}", symbol, now.Policy.PriceSource.ToString().ToLowerInvariant(), Price(view), Describe(now.Peak), Describe(before.Stop), Describe(now.Stop));
        }

        if (now.PendingExit is { } exit && before?.PendingExit?.ExitSequence != exit.ExitSequence)
        {
            _log.LogInformation("EXIT {Symbol}: {Reason} for {Quantity} at {Price} (stop {Stop}), sent as {ClientOrderId}", symbol, exit.Reason, exit.Quantity, Price(view), Describe(now.Stop), exit.ClientOrderId);
        }

        _seen[symbol] = now;
    }

    private static string Describe(decimal? price) => price is { } value ? Format(value) : "not armed";

    private static string Format(decimal price) => price.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Format(double price) => price.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Price(PositionProtocol.PositionView view) =>
        view.LastQuote is not { } quote ? "?"
        : view.State.Policy.PriceSource switch
        {
            PriceSource.Mid => Format((quote.Bid + quote.Ask) / 2),
            PriceSource.Last => quote.Last is { } last ? Format(last) : "?",
            PriceSource.Ask => Format(quote.Ask),
            _ => Format(quote.Bid),
        };
}
