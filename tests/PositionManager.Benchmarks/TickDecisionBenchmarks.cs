using BenchmarkDotNet.Attributes;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Quotes;

namespace PositionManager.Benchmarks;

/// <summary>The pure work of one tick, without Akka: most ticks decide nothing, some raise a peak.</summary>
[MemoryDiagnoser]
public class TickDecisionBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 2, 2, 15, 0, 0, TimeSpan.Zero);
    private PositionState _state = null!;
    private MarketQuote _quiet = null!;
    private MarketQuote _newPeak = null!;

    [GlobalSetup]
    public void Setup()
    {
        const string symbol = "GOOGL260220C00340000";
        var open = new OpenPosition(symbol, PositionSide.Long, 10, 5m, new ExitPolicy(StopLossPercent: 50, Trailing: TrailingStopRule.Percent(10)), OpenOrigin.Opened);
        _state = PositionState.New(symbol).Apply(PositionDecisions.Open(PositionState.New(symbol), open, Now).Events[0]);
        _quiet = new MarketQuote(symbol, 4.9, 4.95, null, Now);
        _newPeak = new MarketQuote(symbol, 6.0, 6.05, null, Now);
    }

    [Benchmark(Baseline = true)]
    public Decision TickThatDecidesNothing() => PositionDecisions.OnQuote(_state, _quiet, MarketMoment.WithoutClock(Now), TimeSpan.FromSeconds(30));

    [Benchmark]
    public Decision TickThatRaisesThePeak() => PositionDecisions.OnQuote(_state, _newPeak, MarketMoment.WithoutClock(Now), TimeSpan.FromSeconds(30));
}
