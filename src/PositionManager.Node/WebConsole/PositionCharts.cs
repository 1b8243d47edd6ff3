using PositionManager.Admin;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Node.Admin;

namespace PositionManager.Node.WebConsole;

/// <summary>
/// A position's chart: its journal replayed (peak and stop as they changed, exits, refusals and
/// fills as marks) merged with the node's recent in-memory samples of its watched price.
/// </summary>
internal static class PositionCharts
{
    public static PositionChartView Build(string positionId, IReadOnlyList<object> journal, IReadOnlyList<PriceSample> samples)
    {
        var state = PositionState.New(positionId);
        var points = new List<ChartPoint>();
        var marks = new List<ChartMark>();
        foreach (var change in journal.OfType<IPositionEvent>())
        {
            state = state.Apply(change);
            var at = EventText.At(change);
            if (at is not { } when)
            {
                continue;
            }

            switch (change)
            {
                case PositionOpened or PeakRaised or PolicyChanged:
                    points.Add(new ChartPoint(when, null, state.Peak, state.Stop));
                    break;
                case ExitTriggered e:
                    marks.Add(new ChartMark(when, "exit", e.TriggerPrice, EventText.Describe(e)));
                    break;
                case CloseOrderRejected e:
                    marks.Add(new ChartMark(when, "refused", null, EventText.Describe(e)));
                    break;
                case CloseOrderPartiallyFilled e:
                    marks.Add(new ChartMark(when, "fill", e.AveragePrice, EventText.Describe(e)));
                    break;
                case CloseOrderFilled e:
                    marks.Add(new ChartMark(when, "fill", e.AveragePrice, EventText.Describe(e)));
                    break;
            }
        }

        points.AddRange(samples.Select(s => new ChartPoint(s.At, s.Price, s.Peak, s.Stop)));
        return new PositionChartView(
            positionId,
            state.Policy.PriceSource.ToString().ToLowerInvariant(),
            [.. points.OrderBy(p => p.At)],
            [.. marks.OrderBy(m => m.At)]);
    }
}
