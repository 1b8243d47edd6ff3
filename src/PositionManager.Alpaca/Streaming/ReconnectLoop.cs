namespace PositionManager.Alpaca.Streaming;

/// <summary>
/// The life of an Alpaca websocket: one connection after another until cancelled, with exponential
/// backoff between them (reset by a connection that got going) and a longer wait after refused keys.
/// </summary>
internal static class ReconnectLoop
{
    /// <param name="connectOnce">Runs one connection to its end; resets the backoff once it is up.</param>
    /// <param name="ended">Told how each connection ended and how long until the next (null: stopping).</param>
    public static async Task RunAsync(
        StreamOptions options,
        TimeProvider time,
        Func<ExponentialBackoff, CancellationToken, Task<StreamSessionEnd>> connectOnce,
        Action<StreamSessionEnd, TimeSpan?> ended,
        CancellationToken cancellationToken)
    {
        var backoff = new ExponentialBackoff(options.InitialBackoff, options.MaxBackoff);
        while (!cancellationToken.IsCancellationRequested)
        {
            var end = await connectOnce(backoff, cancellationToken).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                ended(end, null);
                return;
            }

            var delay = end.Unauthorized ? options.UnauthorizedBackoff : backoff.Next();
            ended(end, delay);
            try
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
