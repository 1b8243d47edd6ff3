using System.Globalization;

namespace PositionManager.Domain.Exits;

/// <summary>A policy in words, for logs and consoles: "trailing 2% (armed at once), stop loss 50%, on mid".</summary>
public static class ExitPolicyText
{
    /// <param name="originalQuantity">
    /// The position's original quantity, when the policy is a position's: scale-outs then say how
    /// many contracts each closes, and which are skipped because their share rounds down to none.
    /// </param>
    public static string Describe(ExitPolicy policy, int? originalQuantity = null)
    {
        var parts = new List<string>();
        if (policy.Trailing is { } trail)
        {
            parts.Add(Trailing(trail));
        }

        if (policy.StopLossPercent is { } stopLoss)
        {
            parts.Add($"stop loss {Number(stopLoss)}%");
        }

        if (policy.TakeProfitPercent is { } takeProfit)
        {
            parts.Add($"take profit {Number(takeProfit)}%");
        }

        if (policy.ScaleOutTargets.Count > 0)
        {
            parts.Add($"scale-outs {string.Join(", ", policy.ScaleOutTargets.Select(t => ScaleOut(t, originalQuantity)))}");
        }

        if (policy.TimeExit is { } time)
        {
            parts.AddRange(TimeExits(time));
        }

        if (policy.MinHold is { } minHold)
        {
            parts.Add($"min hold {Duration(minHold)} (stop loss only)");
        }

        var exits = parts.Count == 0 ? "no exits" : string.Join(", ", parts);
        return $"{exits} on {policy.PriceSource.ToString().ToLowerInvariant()}";
    }

    /// <summary>A duration as an operator writes it: 90m, 2h, 1d 6h, 45s.</summary>
    public static string Duration(TimeSpan span)
    {
        var parts = new List<string>();
        if (span < TimeSpan.Zero)
        {
            return $"-{Duration(span.Negate())}";
        }

        if (span.Days > 0)
        {
            parts.Add($"{span.Days}d");
        }

        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours}h");
        }

        if (span.Minutes > 0)
        {
            parts.Add($"{span.Minutes}m");
        }

        if (span.Seconds > 0 || span.Milliseconds > 0 || parts.Count == 0)
        {
            parts.Add(span.Milliseconds > 0 ? $"{Number(span.Seconds + (span.Milliseconds / 1000m))}s" : $"{span.Seconds}s");
        }

        return string.Join(" ", parts);
    }

    private static string Trailing(TrailingStopRule trail)
    {
        var offset = trail.Mode switch
        {
            TrailMode.Percent => $"{Number(trail.Offset)}%",
            TrailMode.Amount => $"{Number(trail.Offset)} behind the peak",
            _ => $"giving back {Number(trail.Offset)}% of the best gain",
        };
        var armed = (trail.ActivationGainPercent, trail.ActivationPrice) switch
        {
            (null, null) when trail.Mode == TrailMode.Giveback => "armed once in profit",
            (null, null) => "armed at once",
            ({ } gain, null) => $"armed at +{Number(gain)}%",
            (null, { } price) => $"armed at {Number(price)}",
            ({ } gain, { } price) => $"armed at +{Number(gain)}% or {Number(price)}",
        };
        return $"trailing {offset} ({armed})";
    }

    private static string ScaleOut(ScaleOutTarget target, int? originalQuantity)
    {
        var at = $"+{Number(target.GainPercent)}%: {Number(target.ClosePercentOfOriginal)}%";
        if (originalQuantity is not { } quantity)
        {
            return at;
        }

        var contracts = target.ContractsOf(quantity);
        return contracts > 0
            ? $"{at} ({contracts} of {Contracts(quantity)})"
            : $"{at} skipped (rounds down to 0 of {Contracts(quantity)})";
    }

    private static IEnumerable<string> TimeExits(TimeExitRule time)
    {
        if (time.DaysBeforeExpiry is { } days)
        {
            yield return days == 0 ? "close on expiry day" : $"close {days} day{(days == 1 ? string.Empty : "s")} before expiry";
        }

        if (time.MinutesBeforeCloseOnExpiry is { } onExpiry)
        {
            yield return $"close {onExpiry} min before the close on expiry day";
        }

        if (time.MinutesBeforeClose is { } everyDay)
        {
            yield return $"close {everyDay} min before every session's close";
        }

        if (time.MaxHold is { } maxHold)
        {
            yield return $"max hold {Duration(maxHold)}";
        }

        if (time is { DaysBeforeExpiry: null, MinutesBeforeCloseOnExpiry: null, MinutesBeforeClose: null, MaxHold: null })
        {
            yield return "no time exit";
        }
    }

    private static string Contracts(int quantity) => quantity == 1 ? "1 contract" : $"{quantity} contracts";

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
