using Akka.Actor;
using Akka.Event;
using PositionManager.Actors.Positions;
using PositionManager.Alpaca.Trading;
using static PositionManager.Actors.Prices.PriceFeedInternals;

namespace PositionManager.Actors.Prices;

/// <summary>What a poll's answer does: each symbol's quote checked, changed ones sent, drops and staleness reported.</summary>
public sealed partial class PriceFeed
{
    private void OnPolled(Polled polled)
    {
        _polling = false;
        _pollsCompleted++;
        var now = _clock.GetUtcNow();
        _lastPollAt = now;
        var failure = polled.Quotes.Failure ?? polled.Trades?.Failure;
        NotePollOutcome(failure);
        var quotes = polled.Quotes.Value;
        var trades = polled.Trades?.Value;
        var missing = polled.Quotes.Failure is { } f ? $"market data failed: {f.Message}" : "the answer had no quote for it";
        var region = _positions();
        foreach (var symbol in polled.Symbols)
        {
            // A symbol unwatched since the poll asked for it is no longer ours to judge.
            if (!_symbols.TryGetValue(symbol, out var feed))
            {
                continue;
            }

            var quote = quotes?.GetValueOrDefault(feed.Symbol);
            if (quote is not null && feed.WantsLastTrade && trades?.GetValueOrDefault(feed.Symbol) is { } trade)
            {
                quote = quote with { Last = trade.Price };
            }

            Apply(feed, feed.Observe(quote, missing, now, _settings), region);
        }
    }

    private void Apply(SymbolFeed feed, SymbolObservation seen, IActorRef? region)
    {
        if (seen.Dropped is { } problem)
        {
            PriceFeedMetrics.QuotesDropped.Add(1, new KeyValuePair<string, object?>("problem", problem.ToString()));
            _log.Debug("Dropped a quote of {Symbol}: {Problem}", feed.Symbol, problem);
        }

        if (seen.BecameStale is { } reason)
        {
            PriceFeedMetrics.StaleSymbols.Add(1);
            _log.Warning("Prices of {Symbol} are STALE ({Reason}): its positions get no ticks and their stops cannot fire until a usable quote arrives", feed.Symbol, reason);
        }
        else if (seen.Recovered)
        {
            _log.Info("Prices of {Symbol} are fresh again", feed.Symbol);
        }

        if (seen.Forward is not { } quote)
        {
            return;
        }

        if (region is null)
        {
            _log.Warning("No position region to send the quote of {Symbol} to", feed.Symbol);
            return;
        }

        foreach (var positionId in feed.PositionIds)
        {
            region.Tell(new PositionProtocol.PriceTick(positionId, quote));
        }

        PriceFeedMetrics.TicksForwarded.Add(feed.PositionIds.Count);
    }

    private void NotePollOutcome(BrokerFailure? failure)
    {
        if (failure is null)
        {
            if (_failuresInARow > 0)
            {
                _log.Info("Market data answers again after {Failures} failed polls", _failuresInARow);
            }

            _failuresInARow = 0;
            _lastFailure = null;
            return;
        }

        PriceFeedMetrics.PollFailures.Add(1, new KeyValuePair<string, object?>("kind", failure.GetType().Name));
        _lastFailure = failure.Message;

        // One warning per outage: a poll a second must not turn a long outage into a log flood.
        if (_failuresInARow++ == 0)
        {
            _log.Warning("Market data poll failed ({Kind}): {Reason}", failure.GetType().Name, failure.Message);
        }
    }
}
