using Akka.Event;

namespace PositionManager.Persistence.Discovery;

/// <summary>
/// Keeps this node's row fresh: one upsert at once (so a node is discoverable as soon as it
/// starts), then one per interval. A failed beat is logged and the next one tried: a database
/// hiccup shorter than the TTL must not make a live node disappear. Stopping ends the beats
/// before the row is deleted, so no late beat can bring the row back.
/// </summary>
internal sealed class ContactPointHeartbeat(ContactPointTable table, ContactPoint self, TimeSpan interval, ILoggingAdapter log)
{
    /// <summary>A stop that cannot reach the database must not hold up shutdown; the row then ages out.</summary>
    private static readonly TimeSpan DeleteTimeout = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stop = new();
    private Task _beating = Task.CompletedTask;
    private int _stopped;

    public void Start() => _beating = Task.Run(BeatAsync);

    /// <summary>Ends the beats and deletes the row; only the first call does anything.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        await _beating;
        try
        {
            using var timeout = new CancellationTokenSource(DeleteTimeout);
            await table.DeleteAsync(self, timeout.Token);
            log.Info("Discovery: removed contact point {0}", self);
        }
        catch (Exception e)
        {
            log.Warning("Discovery: could not remove contact point {0}, it will age out: {1}", self, e.Message);
        }
        finally
        {
            _stop.Dispose();
        }
    }

    /// <summary>Ends the beats without touching the database (the actor system is already gone).</summary>
    public void Abandon()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _stop.Cancel();
        }
    }

    private async Task BeatAsync()
    {
        using var timer = new PeriodicTimer(interval);
        var failing = false;
        try
        {
            do
            {
                try
                {
                    await table.UpsertAsync(self, _stop.Token);
                    if (failing)
                    {
                        log.Info("Discovery: heartbeat of {0} written again", self);
                    }

                    failing = false;
                }
                catch (Exception e) when (!_stop.IsCancellationRequested)
                {
                    // Once per outage, not once per beat.
                    if (!failing)
                    {
                        log.Warning("Discovery: heartbeat of {0} failed, retrying every {1}: {2}", self, interval, e.Message);
                    }

                    failing = true;
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped: the caller deletes the row.
        }
    }
}
