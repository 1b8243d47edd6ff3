namespace PositionManager.Persistence.Journal;

/// <summary>
/// Sessions of one kind (an open connection with its statements prepared) kept between uses: a use
/// takes an idle one or makes one, gives it back when it succeeded and throws it away when it failed
/// (its connection may be broken or mid-statement). At most <c>keepIdle</c> are kept: a session
/// holds its connection out of Npgsql's pool while idle, so a burst of concurrent uses must not keep
/// the pool's connections after it. Once completed, sessions are closed instead of kept, and the
/// idle ones at once.
/// </summary>
internal sealed class IdleSessions<TSession>(Func<TSession> create, int keepIdle)
    where TSession : class, IAsyncDisposable
{
    private readonly Stack<TSession> _idle = new();
    private readonly Lock _lock = new();
    private bool _completed;

    public async Task<TResult> UseAsync<TResult>(Func<TSession, Task<TResult>> work)
    {
        var session = Take();
        TResult result;
        try
        {
            result = await work(session).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        lock (_lock)
        {
            if (!_completed && _idle.Count < keepIdle)
            {
                _idle.Push(session);
                return result;
            }
        }

        await session.DisposeAsync().ConfigureAwait(false);
        return result;
    }

    public void Complete()
    {
        TSession[] idle;
        lock (_lock)
        {
            _completed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var session in idle)
        {
            _ = session.DisposeAsync().AsTask();
        }
    }

    private TSession Take()
    {
        lock (_lock)
        {
            return _idle.TryPop(out var session) ? session : create();
        }
    }
}
