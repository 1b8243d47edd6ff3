using PositionManager.Admin;
using PositionManager.Domain.Exits;
using PositionManager.Node.Configuration;

namespace PositionManager.Node.Admin;

/// <summary>
/// An operator's policy change applied to a position's policy: the parts cleared first, then the
/// parts given. Text values are read as the settings read them (<see cref="PolicyText"/>); the
/// Domain decides whether the result is valid.
/// </summary>
internal static class PolicyEdit
{
    public static ExitPolicy Apply(ExitPolicy current, PolicyChangeRequest request)
    {
        var set = request.Set ?? PolicyView.Nothing;
        var policy = current;
        foreach (var part in request.Clear ?? [])
        {
            policy = Clear(policy, part.Trim().ToLowerInvariant());
        }

        var time = policy.TimeExit ?? new TimeExitRule();
        time = time with
        {
            DaysBeforeExpiry = set.ExitDaysBeforeExpiry ?? time.DaysBeforeExpiry,
            MinutesBeforeCloseOnExpiry = set.ExitMinutesBeforeCloseOnExpiry ?? time.MinutesBeforeCloseOnExpiry,
            MinutesBeforeClose = set.ExitMinutesBeforeClose ?? time.MinutesBeforeClose,
            MaxHold = set.MaxHold is { } maxHold ? Hold(maxHold) : time.MaxHold,
        };
        policy = policy with
        {
            Trailing = Trailing(policy.Trailing, set),
            StopLossPercent = set.StopLossPercent ?? policy.StopLossPercent,
            TakeProfitPercent = set.TakeProfitPercent ?? policy.TakeProfitPercent,
            PriceSource = set.PriceSource is { } source ? Source(source) : policy.PriceSource,
            RetryLimitOffsetPercent = set.RetryLimitOffsetPercent ?? policy.RetryLimitOffsetPercent,
            ScaleOuts = set.ScaleOuts is { } scaleOuts ? ScaleOuts(scaleOuts) : policy.ScaleOuts,
            TimeExit = time == new TimeExitRule() ? null : time,
            MinHold = set.MinHold is { } minHold ? Hold(minHold) : policy.MinHold,
        };
        var problems = policy.Problems();
        return problems.Count == 0 ? policy : throw AdminProblem.BadRequest(string.Join("; ", problems));
    }

    private static ExitPolicy Clear(ExitPolicy policy, string part) => part switch
    {
        PolicyParts.Trailing => policy with { Trailing = null },
        PolicyParts.TrailingActivation => policy with { Trailing = policy.Trailing is { } trail ? trail with { ActivationGainPercent = null, ActivationPrice = null } : null },
        PolicyParts.StopLoss => policy with { StopLossPercent = null },
        PolicyParts.TakeProfit => policy with { TakeProfitPercent = null },
        PolicyParts.RetryLimitOffset => policy with { RetryLimitOffsetPercent = null },
        PolicyParts.ScaleOuts => policy with { ScaleOuts = null },
        PolicyParts.ExitDaysBeforeExpiry => WithTime(policy, t => t with { DaysBeforeExpiry = null }),
        PolicyParts.ExitMinutesBeforeCloseOnExpiry => WithTime(policy, t => t with { MinutesBeforeCloseOnExpiry = null }),
        PolicyParts.ExitMinutesBeforeClose => WithTime(policy, t => t with { MinutesBeforeClose = null }),
        PolicyParts.MaxHold => WithTime(policy, t => t with { MaxHold = null }),
        PolicyParts.MinHold => policy with { MinHold = null },
        _ => throw AdminProblem.BadRequest($"cannot clear '{part}': the parts are {string.Join(", ", PolicyParts.All)}"),
    };

    private static ExitPolicy WithTime(ExitPolicy policy, Func<TimeExitRule, TimeExitRule> change) =>
        policy.TimeExit is { } time && change(time) is var changed ? policy with { TimeExit = changed == new TimeExitRule() ? null : changed } : policy;

    /// <summary>One trailing mode at a time; a new mode keeps the activation of the trail it replaces.</summary>
    private static TrailingStopRule? Trailing(TrailingStopRule? current, PolicyView set)
    {
        var given = new[] { set.TrailingStopPercent, set.TrailingStopAmount, set.TrailingGivebackPercent }.Count(v => v is not null);
        if (given > 1)
        {
            throw AdminProblem.BadRequest("a trailing stop is a percent, an amount or a give-back, one at a time");
        }

        var trailing = (set.TrailingStopPercent, set.TrailingStopAmount, set.TrailingGivebackPercent) switch
        {
            ({ } percent, _, _) => TrailingStopRule.Percent(percent),
            (_, { } amount, _) => TrailingStopRule.Amount(amount),
            (_, _, { } giveback) => TrailingStopRule.Giveback(giveback),
            _ => current,
        };
        if (given == 1 && trailing is not null)
        {
            trailing = trailing with { ActivationGainPercent = current?.ActivationGainPercent, ActivationPrice = current?.ActivationPrice };
        }

        if (set.TrailingActivationPercent is { } gain)
        {
            trailing = trailing?.ArmedAtGain(gain) ?? throw AdminProblem.BadRequest("there is no trailing stop to arm; set one as well");
        }

        if (set.TrailingActivationPrice is { } price)
        {
            trailing = trailing?.ArmedAtPrice(price) ?? throw AdminProblem.BadRequest("there is no trailing stop to arm; set one as well");
        }

        return trailing;
    }

    private static Domain.Quotes.PriceSource Source(string text) =>
        PolicyText.TryParseSource(text, out var source) ? source : throw AdminProblem.BadRequest($"price source {PolicyText.SourceProblem(text)}");

    private static IReadOnlyList<ScaleOutTarget>? ScaleOuts(string text) =>
        ScaleOutText.TryParse(text, out var targets, out var problem)
            ? (targets.Count == 0 ? null : targets)
            : throw AdminProblem.BadRequest($"scale-outs: {problem}");

    private static TimeSpan Hold(string text) =>
        DurationText.TryParse(text, out var hold) ? hold : throw AdminProblem.BadRequest($"hold {PolicyText.HoldProblem(text)}");
}
