using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;

namespace PositionManager.Actors.Gateway;

/// <summary>
/// One <c>GET /v2/positions</c> shared by the queued intents the gateway checks while it is fresh,
/// and the gateway's record of when it last heard the broker answer for each symbol (invariant 4).
/// A symbol's view is taken from the shared read only when the read is younger than the bound and
/// was sent after every answer about an order of that symbol: an order the gateway sent earlier ties
/// up or sells part of the position, and only a read sent after its answer can show that.
/// </summary>
public sealed class BatchPositionRead(TimeSpan maxAge)
{
    private readonly Dictionary<string, long> _lastAnswer = new(StringComparer.Ordinal);
    private long _answers;
    private Snapshot? _snapshot;

    /// <summary>How old a shared read may be when OrderRules run on it.</summary>
    public TimeSpan MaxAge { get; } = maxAge;

    /// <summary>Marks the moment a read is sent: answers counted later than this make it stale for their symbols.</summary>
    public long Mark() => _answers;

    /// <summary>The broker answered about an order in <paramref name="symbol"/> (a submit, or a lookup that found it).</summary>
    public void Answered(string symbol) => _lastAnswer[symbol] = ++_answers;

    /// <summary>
    /// Keeps the read sent at <paramref name="sentAt"/> (its age counts from there, not from its
    /// answer) after <paramref name="mark"/>. A list naming one symbol twice is not believed: no read is kept.
    /// </summary>
    public bool Keep(IReadOnlyList<BrokerPosition> positions, DateTimeOffset sentAt, long mark)
    {
        var held = new Dictionary<string, BrokerPositionView>(positions.Count, StringComparer.Ordinal);
        foreach (var position in positions)
        {
            if (!held.TryAdd(position.Symbol, position.ToView()))
            {
                _snapshot = null;
                return false;
            }
        }

        _snapshot = new Snapshot(held, sentAt, mark);
        return true;
    }

    /// <summary>The shared read is younger than <see cref="MaxAge"/> at <paramref name="now"/> (a clock gone backwards makes it old).</summary>
    public bool IsFresh(DateTimeOffset now) => _snapshot is { } snapshot && IsFresh(snapshot, now);

    /// <summary>
    /// The shared read's view of <paramref name="symbol"/> (null: not held), when it may be used for
    /// it at <paramref name="now"/>; false when the symbol must be read on its own or read anew.
    /// </summary>
    public bool TryView(string symbol, DateTimeOffset now, out BrokerPositionView? view)
    {
        view = null;
        if (_snapshot is not { } snapshot || !IsFresh(snapshot, now) || AnsweredSince(symbol, snapshot.Mark))
        {
            return false;
        }

        view = snapshot.Held.GetValueOrDefault(symbol);
        return true;
    }

    /// <summary>Whether an answer about an order in <paramref name="symbol"/> came after <paramref name="mark"/>.</summary>
    public bool AnsweredSince(string symbol, long mark) => _lastAnswer.TryGetValue(symbol, out var answer) && answer > mark;

    /// <summary>Forgets the shared read: the world it saw may have changed in ways no answer tells (a restart, a halt).</summary>
    public void Forget() => _snapshot = null;

    private bool IsFresh(Snapshot snapshot, DateTimeOffset now)
    {
        var age = now - snapshot.SentAt;
        return age >= TimeSpan.Zero && age < MaxAge;
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, BrokerPositionView> Held, DateTimeOffset SentAt, long Mark);
}
