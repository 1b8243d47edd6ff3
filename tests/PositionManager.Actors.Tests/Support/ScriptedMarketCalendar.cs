using System.Collections.Concurrent;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Trading;
using PositionManager.TestSupport;

namespace PositionManager.Actors.Tests.Support;

/// <summary>A broker clock and calendar answering from functions of the test's manual clock, recording when each was asked.</summary>
public sealed class ScriptedMarketCalendar(ManualClock time) : IMarketCalendar
{
    private readonly ConcurrentQueue<DateTimeOffset> _clockReads = new();
    private readonly ConcurrentQueue<(DateOnly From, DateOnly To)> _calendarReads = new();

    /// <summary>What <c>/v2/clock</c> answers at an instant.</summary>
    public Func<DateTimeOffset, BrokerResult<BrokerClock>> Clock { get; set; } = _ => new BrokerFailure.Transient("no clock scripted");

    /// <summary>What <c>/v2/calendar</c> answers for a range.</summary>
    public Func<DateOnly, DateOnly, BrokerResult<IReadOnlyList<TradingSession>>> Calendar { get; set; } =
        (_, _) => BrokerResult<IReadOnlyList<TradingSession>>.Success([]);

    public IReadOnlyList<DateTimeOffset> ClockReads => [.. _clockReads];

    public IReadOnlyList<(DateOnly From, DateOnly To)> CalendarReads => [.. _calendarReads];

    public Task<BrokerResult<BrokerClock>> GetClockAsync(CancellationToken cancellationToken)
    {
        var now = time.Now;
        _clockReads.Enqueue(now);
        return Task.FromResult(Clock(now));
    }

    public Task<BrokerResult<IReadOnlyList<TradingSession>>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        _calendarReads.Enqueue((start, end));
        return Task.FromResult(Calendar(start, end));
    }
}
