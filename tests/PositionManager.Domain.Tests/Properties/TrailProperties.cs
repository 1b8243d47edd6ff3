using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;

namespace PositionManager.Domain.Tests.Properties;

/// <summary>The arithmetic under "a stop never loosens": every mode's stop follows the best price one way only.</summary>
public class TrailProperties
{
    private static Gen<decimal> Prices() => Gen.Choose(1, 2_000).Select(cents => cents / 100m);

    /// <summary>
    /// For every mode and side: a better best price never implies a looser stop, and the stop of an
    /// armed trail sits behind the best price (below a long's peak, above a short's trough).
    /// </summary>
    [Property(MaxTest = 5000)]
    public Property A_better_best_price_never_implies_a_looser_stop() =>
        Prop.ForAll(
            (from side in Gen.Elements(PositionSide.Long, PositionSide.Short)
             from trail in Generators.Trails()
             select (side, trail)).ToArbitrary(),
            Prices().ToArbitrary(),
            Prices().Two().ToArbitrary(),
            (rule, entry, prices) =>
            {
                var (side, trail) = rule;
                var (first, second) = prices;
                var (worse, better) = Trail.IsBetter(side, second, first) ? (first, second) : (second, first);
                if (!Trail.IsArmed(trail, side, entry, better))
                {
                    return true.ToProperty();
                }

                var stopAtBetter = Trail.StopFor(trail, side, entry, better);
                var behindTheBest = side == PositionSide.Long ? stopAtBetter <= better : stopAtBetter >= better;
                var tighter = !Trail.IsArmed(trail, side, entry, worse) || (side == PositionSide.Long
                    ? stopAtBetter >= Trail.StopFor(trail, side, entry, worse)
                    : stopAtBetter <= Trail.StopFor(trail, side, entry, worse));
                return (behindTheBest && tighter).Label($"{trail} {side} entry {entry}: {worse} → {better}");
            });

    /// <summary>A give-back stop keeps a share of the gain: it lies between entry and the best price.</summary>
    [Property(MaxTest = 2000)]
    public Property A_give_back_stop_lies_between_entry_and_the_best_price() =>
        Prop.ForAll(
            (from side in Gen.Elements(PositionSide.Long, PositionSide.Short)
             from percent in Gen.Choose(1, 10_000).Select(hundredths => hundredths / 100m)
             select (side, percent)).ToArbitrary(),
            Prices().ToArbitrary(),
            Prices().ToArbitrary(),
            (rule, entry, best) =>
            {
                var (side, percent) = rule;
                var giveback = TrailingStopRule.Giveback(percent);
                if (!Trail.IsArmed(giveback, side, entry, best))
                {
                    return !Trail.IsBetter(side, best, entry);
                }

                var stop = Trail.StopFor(giveback, side, entry, best);
                return side == PositionSide.Long ? entry <= stop && stop <= best : best <= stop && stop <= entry;
            });
}
