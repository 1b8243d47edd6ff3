using PositionManager.Admin;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Quotes;

namespace PositionManager.Node.Admin;

/// <summary>An operator's policy change applied to a position's policy; the Domain decides whether the result is valid.</summary>
internal static class PolicyEdit
{
    public static readonly string[] Parts = ["trailing", "stop-loss", "take-profit"];

    public static ExitPolicy Apply(ExitPolicy current, PolicyChangeRequest request)
    {
        var set = request.Set ?? new PolicyView(null, null, null, null, null, null);
        var policy = current;
        foreach (var part in request.Clear ?? [])
        {
            policy = part.Trim().ToLowerInvariant() switch
            {
                "trailing" => policy with { Trailing = null },
                "stop-loss" => policy with { StopLossPercent = null },
                "take-profit" => policy with { TakeProfitPercent = null },
                _ => throw AdminProblem.BadRequest($"cannot clear '{part}': the parts are {string.Join(", ", Parts)}"),
            };
        }

        if (set.TrailingStopPercent is not null && set.TrailingStopAmount is not null)
        {
            throw AdminProblem.BadRequest("a trailing stop is a percent or an amount, not both");
        }

        var trailing = (set.TrailingStopPercent, set.TrailingStopAmount) switch
        {
            ({ } percent, null) => TrailingStopRule.Percent(percent) with { ActivationGainPercent = policy.Trailing?.ActivationGainPercent, ActivationPrice = policy.Trailing?.ActivationPrice },
            (null, { } amount) => TrailingStopRule.Amount(amount) with { ActivationGainPercent = policy.Trailing?.ActivationGainPercent, ActivationPrice = policy.Trailing?.ActivationPrice },
            _ => policy.Trailing,
        };
        if (set.TrailingActivationPercent is { } activation)
        {
            trailing = trailing?.ArmedAtGain(activation) ?? throw AdminProblem.BadRequest("there is no trailing stop to arm; set one as well");
        }

        policy = policy with
        {
            Trailing = trailing,
            StopLossPercent = set.StopLossPercent ?? policy.StopLossPercent,
            TakeProfitPercent = set.TakeProfitPercent ?? policy.TakeProfitPercent,
            PriceSource = set.PriceSource is { } source ? Source(source) : policy.PriceSource,
        };
        var problems = policy.Problems();
        return problems.Count == 0 ? policy : throw AdminProblem.BadRequest(string.Join("; ", problems));
    }

    private static PriceSource Source(string text) => text.Trim().ToLowerInvariant() switch
    {
        "bid" => PriceSource.Bid,
        "mid" => PriceSource.Mid,
        "last" => PriceSource.Last,
        _ => throw AdminProblem.BadRequest($"price source '{text}' is not bid, mid or last"),
    };
}
