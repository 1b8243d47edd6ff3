using System.Text.Json.Serialization;
using PositionManager.Domain.Quotes;

namespace PositionManager.Domain.Exits;

/// <summary>
/// How one position exits. Percentages are of the entry price; every part is optional.
/// <see cref="MinHold"/>: for this long after the position was opened here only the stop loss
/// (and the time exits that protect against expiry) may fire; the trail still follows the price.
/// </summary>
/// <remarks>
/// Journaled inside PositionOpened and PolicyChanged: a part added later must be optional with a
/// null default, so that a journal written before it reads back as the same policy.
/// </remarks>
public sealed record ExitPolicy(
    decimal? StopLossPercent = null,
    decimal? TakeProfitPercent = null,
    TrailingStopRule? Trailing = null,
    IReadOnlyList<ScaleOutTarget>? ScaleOuts = null,
    TimeExitRule? TimeExit = null,
    PriceSource PriceSource = PriceSource.Bid,
    decimal? RetryLimitOffsetPercent = null,
    TimeSpan? MinHold = null)
{
    /// <summary>At most this many scale-out targets, so "which were done" fits in one integer.</summary>
    public const int MaxScaleOuts = 16;

    public static ExitPolicy None { get; } = new();

    [JsonIgnore]
    public IReadOnlyList<ScaleOutTarget> ScaleOutTargets => ScaleOuts ?? [];

    /// <summary>Every reason this policy cannot be used; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (StopLossPercent is { } sl && sl is <= 0 or >= 100)
        {
            problems.Add($"stop loss {sl}% must be between 0 and 100 (exclusive)");
        }

        if (TakeProfitPercent is <= 0)
        {
            problems.Add($"take profit {TakeProfitPercent}% must be positive");
        }

        if (Trailing is { } trail)
        {
            TrailProblems(trail, problems);
        }

        ScaleOutProblems(problems);
        if (TimeExit is { } time)
        {
            TimeProblems(time, problems);
        }

        if (MinHold is { } minHold && minHold <= TimeSpan.Zero)
        {
            problems.Add($"minimum hold {minHold} must be positive");
        }

        if (MinHold is { } min && TimeExit?.MaxHold is { } max && max <= min)
        {
            problems.Add($"maximum hold {max} must be longer than the minimum hold {min}");
        }

        if (RetryLimitOffsetPercent is < 0 or >= 100)
        {
            problems.Add($"retry limit offset {RetryLimitOffsetPercent}% must be 0-100 (exclusive of 100)");
        }

        return problems;
    }

    public bool Equals(ExitPolicy? other) =>
        other is not null
        && StopLossPercent == other.StopLossPercent
        && TakeProfitPercent == other.TakeProfitPercent
        && Equals(Trailing, other.Trailing)
        && ScaleOutTargets.SequenceEqual(other.ScaleOutTargets)
        && Equals(TimeExit, other.TimeExit)
        && PriceSource == other.PriceSource
        && RetryLimitOffsetPercent == other.RetryLimitOffsetPercent
        && MinHold == other.MinHold;

    public override int GetHashCode() =>
        HashCode.Combine(StopLossPercent, TakeProfitPercent, Trailing, ScaleOutTargets.Count, TimeExit, PriceSource, RetryLimitOffsetPercent, MinHold);

    private static void TrailProblems(TrailingStopRule trail, List<string> problems)
    {
        switch (trail.Mode)
        {
            case TrailMode.Percent when trail.Offset is <= 0 or >= 100:
                problems.Add($"trailing offset {trail.Offset} must be positive and below 100%");
                break;
            case TrailMode.Amount when trail.Offset <= 0:
                problems.Add($"trailing offset {trail.Offset} must be positive");
                break;
            case TrailMode.Giveback when trail.Offset is <= 0 or > 100:
                problems.Add($"trailing give-back {trail.Offset}% must be above 0 and at most 100% of the best gain");
                break;
            case not (TrailMode.Percent or TrailMode.Amount or TrailMode.Giveback):
                problems.Add($"trailing mode {trail.Mode} is not percent, amount or give-back");
                break;
        }

        if (trail.ActivationGainPercent is < 0 || trail.ActivationPrice is <= 0)
        {
            problems.Add("trail activation must be a non-negative gain or a positive price");
        }
    }

    private void ScaleOutProblems(List<string> problems)
    {
        var targets = ScaleOutTargets;
        if (targets.Count > MaxScaleOuts)
        {
            problems.Add($"at most {MaxScaleOuts} scale-out targets");
        }

        var total = 0m;
        var each = problems.Count;
        for (var index = 0; index < targets.Count; index++)
        {
            var target = targets[index];
            if (target.GainPercent <= 0 || target.ClosePercentOfOriginal is <= 0 or > 100)
            {
                problems.Add($"scale-out at {target.GainPercent}% closing {target.ClosePercentOfOriginal}% needs a positive gain and 0-100% to close");
            }

            if (index > 0 && target.GainPercent <= targets[index - 1].GainPercent)
            {
                problems.Add($"scale-out {index + 1} at +{target.GainPercent}% must be at a higher gain than the one before it (+{targets[index - 1].GainPercent}%)");
            }

            total += target.ClosePercentOfOriginal;
        }

        // Only targets that are each valid add up to something worth a message of its own.
        if (problems.Count == each && total > 100)
        {
            problems.Add($"scale-outs close {total}% of the original quantity in all; at most 100%");
        }
    }

    private static void TimeProblems(TimeExitRule time, List<string> problems)
    {
        const int most = TimeExitRule.MaxMinutesBeforeClose;
        if (time.MinutesBeforeCloseOnExpiry is < 0 or > most)
        {
            problems.Add($"time exit {time.MinutesBeforeCloseOnExpiry} minutes before the close on expiry day must be 0-{most}");
        }

        if (time.DaysBeforeExpiry is < 0)
        {
            problems.Add($"time exit {time.DaysBeforeExpiry} days before expiry must not be negative");
        }

        if (time.MinutesBeforeClose is < 0 or > most)
        {
            problems.Add($"time exit {time.MinutesBeforeClose} minutes before each session's close must be 0-{most}");
        }

        if (time.MaxHold is { } maxHold && maxHold <= TimeSpan.Zero)
        {
            problems.Add($"maximum hold {maxHold} must be positive");
        }
    }
}
