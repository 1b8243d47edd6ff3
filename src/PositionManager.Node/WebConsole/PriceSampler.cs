using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Hosting;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Domain.Positions;
using PositionManager.Node.Admin;
using PositionManager.Node.Configuration;

namespace PositionManager.Node.WebConsole;

/// <summary>
/// Keeps, for the console's charts, a bounded ring of recent samples (watched price, peak, stop) of
/// every open position, by asking each for its state every <see cref="ConsoleOptions.ChartSampleInterval"/>
/// as any admin client would. Nothing is journaled and nothing runs on the tick path; the cost is one
/// state query per open position per interval on each node (0 switches it off).
/// </summary>
internal sealed class PriceSampler(ActorRegistry registry, ConsoleOptions options) : BackgroundService
{
    private const int Concurrency = 16;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long the samples of a position no longer open are kept, so its chart still shows its exit.</summary>
    private static readonly TimeSpan KeepClosed = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (SampleRing Ring, DateTimeOffset LastWatched)> _rings = new(StringComparer.Ordinal);

    // Asking a closed position for its state would start its entity again (it then passivates):
    // one seen closed is not asked again while the reconciler still lists it.
    private readonly ConcurrentDictionary<string, byte> _seenClosed = new(StringComparer.Ordinal);

    public IReadOnlyList<PriceSample> Samples(string positionId) =>
        _rings.TryGetValue(positionId, out var entry) ? entry.Ring.Snapshot() : [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.ChartSampleInterval <= TimeSpan.Zero)
        {
            return;
        }

        var reconciler = await registry.GetAsync<ReconcilerProxy>(stoppingToken);
        var region = await registry.GetAsync<PositionRegion>(stoppingToken);
        using var timer = new PeriodicTimer(options.ChartSampleInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var watched = await reconciler.Ask<PriceFeedProtocol.Watch>(ReconcilerProtocol.GetWatched.Instance, AskTimeout, stoppingToken);
                var now = DateTimeOffset.UtcNow;
                await Parallel.ForEachAsync(
                    watched.Positions.Select(p => p.PositionId).Where(id => !_seenClosed.ContainsKey(id)),
                    new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stoppingToken },
                    async (id, cancel) => Record(id, await region.Ask<PositionProtocol.PositionView>(new PositionProtocol.GetState(id), AskTimeout, cancel), now));
                Forget(now);
            }
            catch (AskTimeoutException)
            {
                // A busy or recovering node is sampled next time; a gap in a chart is harmless.
            }
        }
    }

    private void Record(string id, PositionProtocol.PositionView view, DateTimeOffset now)
    {
        if (view.State.Status == PositionStatus.Closed)
        {
            _seenClosed.TryAdd(id, 0);
        }

        var entry = _rings.GetOrAdd(id, _ => (new SampleRing(options.ChartSamples), now));
        _rings[id] = entry with { LastWatched = now };
        if (PositionViews.Summary(view).LastPrice is { } price && view.LastQuoteReceivedAt is { } seen)
        {
            entry.Ring.Add(new PriceSample(seen, price, view.State.Peak, view.State.Stop));
        }
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (id, entry) in _rings)
        {
            if (now - entry.LastWatched > KeepClosed)
            {
                _rings.TryRemove(id, out _);
                _seenClosed.TryRemove(id, out _);
            }
        }
    }
}
