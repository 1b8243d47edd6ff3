using PositionManager.Persistence.Journal;

namespace PositionManager.Actors.Tests.Journal;

/// <summary>Kept sessions hold connections out of the pool: a burst must not leave more than the bound behind, and a failed session is never reused.</summary>
public sealed class IdleSessionsTests
{
    [Fact]
    public async Task A_burst_keeps_at_most_the_bound_and_closes_the_rest()
    {
        var made = new List<CountingSession>();
        var sessions = new IdleSessions<CountingSession>(() => { var s = new CountingSession(); made.Add(s); return s; }, keepIdle: 2);
        var release = new TaskCompletionSource();

        var burst = Enumerable.Range(0, 5).Select(_ => sessions.UseAsync(async s => { await release.Task; return s; })).ToList();
        release.SetResult();
        await Task.WhenAll(burst);

        Assert.Equal(5, made.Count);
        Assert.Equal(3, made.Count(s => s.Disposed));
        var reused = await sessions.UseAsync(s => Task.FromResult(s));
        Assert.False(reused.Disposed);
        Assert.Equal(5, made.Count);
    }

    [Fact]
    public async Task A_session_whose_use_failed_is_closed_and_never_handed_out_again()
    {
        var sessions = new IdleSessions<CountingSession>(() => new CountingSession(), keepIdle: 2);
        CountingSession? failed = null;

        await Assert.ThrowsAsync<InvalidOperationException>(() => sessions.UseAsync<bool>(s => { failed = s; throw new InvalidOperationException("broken"); }));

        Assert.True(failed!.Disposed);
        Assert.NotSame(failed, await sessions.UseAsync(s => Task.FromResult(s)));
    }

    private sealed class CountingSession : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
