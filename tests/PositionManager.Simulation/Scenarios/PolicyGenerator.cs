using PositionManager.Domain.Exits;
using PositionManager.Domain.Quotes;

namespace PositionManager.Simulation.Scenarios;

/// <summary>Random exit policies over every part ExitPolicy has; each part is present or not by a coin.</summary>
public static class PolicyGenerator
{
    public static ExitPolicy Next(Random random)
    {
        while (true)
        {
            var policy = new ExitPolicy(
                StopLossPercent: Maybe(random, 0.5, () => Percent(random, 5, 40)),
                TakeProfitPercent: Maybe(random, 0.4, () => Percent(random, 10, 120)),
                Trailing: random.NextDouble() < 0.7 ? Trailing(random) : null,
                ScaleOuts: random.NextDouble() < 0.3 ? ScaleOuts(random) : null,
                TimeExit: random.NextDouble() < 0.2 ? new TimeExitRule(MaxHold: TimeSpan.FromSeconds(random.Next(20, 120))) : null,
                PriceSource: random.NextDouble() < 0.7 ? PriceSource.Bid : PriceSource.Mid,
                RetryLimitOffsetPercent: Maybe(random, 0.2, () => Percent(random, 1, 10)),
                MinHold: random.NextDouble() < 0.2 ? TimeSpan.FromSeconds(random.Next(2, 15)) : null);
            if (policy.Problems().Count == 0)
            {
                return policy;
            }
        }
    }

    private static TrailingStopRule Trailing(Random random)
    {
        var rule = random.Next(3) switch
        {
            0 => TrailingStopRule.Percent(Percent(random, 5, 30)),
            1 => TrailingStopRule.Amount(Math.Round(0.05m + (decimal)random.NextDouble() * 1.5m, 2)),
            _ => TrailingStopRule.Giveback(Percent(random, 20, 80)),
        };
        return random.NextDouble() < 0.3 ? rule.ArmedAtGain(Percent(random, 5, 40)) : rule;
    }

    private static List<ScaleOutTarget> ScaleOuts(Random random)
    {
        var targets = new List<ScaleOutTarget>();
        var gain = 0m;
        var left = 100m;
        for (var i = random.Next(1, 4); i > 0 && left > 10; i--)
        {
            gain += Percent(random, 5, 40);
            var share = Math.Min(left, Percent(random, 10, 60));
            targets.Add(new ScaleOutTarget(gain, share));
            left -= share;
        }

        return targets;
    }

    private static decimal Percent(Random random, int low, int high) => random.Next(low, high + 1);

    private static T? Maybe<T>(Random random, double chance, Func<T> make)
        where T : struct =>
        random.NextDouble() < chance ? make() : null;
}
