using PositionManager.Domain.Exits;
using PositionManager.Domain.Quotes;

namespace PositionManager.Node.Configuration;

/// <summary>
/// The exit-policy keys of one section, read the same way for <c>PositionManager:ExitPolicy</c> (the
/// default) and for each rule of <c>PositionManager:Policies</c>. <see cref="Written"/> holds the keys
/// the section names, empty ones included: in a rule an empty value unsets the default's part, an
/// absent one keeps it (<see cref="Over"/>).
/// </summary>
internal sealed record PolicyKeys(
    decimal? TrailingStopPercent,
    decimal? TrailingStopAmount,
    decimal? TrailingGivebackPercent,
    decimal? TrailingActivationPercent,
    decimal? TrailingActivationPrice,
    decimal? StopLossPercent,
    decimal? TakeProfitPercent,
    PriceSource? PriceSource,
    decimal? RetryLimitOffsetPercent,
    IReadOnlyList<ScaleOutTarget>? ScaleOuts,
    int? ExitDaysBeforeExpiry,
    int? ExitMinutesBeforeCloseOnExpiry,
    int? ExitMinutesBeforeClose,
    TimeSpan? MaxHold,
    TimeSpan? MinHold,
    IReadOnlySet<string> Written)
{
    public static readonly string[] Names =
    [
        nameof(TrailingStopPercent), nameof(TrailingStopAmount), nameof(TrailingGivebackPercent),
        nameof(TrailingActivationPercent), nameof(TrailingActivationPrice), nameof(StopLossPercent),
        nameof(TakeProfitPercent), nameof(PriceSource), nameof(RetryLimitOffsetPercent), nameof(ScaleOuts),
        nameof(ExitDaysBeforeExpiry), nameof(ExitMinutesBeforeCloseOnExpiry), nameof(ExitMinutesBeforeClose),
        nameof(MaxHold), nameof(MinHold),
    ];

    public static PolicyKeys None { get; } = new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, new HashSet<string>());

    /// <summary>Expiry protection further out than ten years is a typo, not a policy.</summary>
    private const int MostDaysBeforeExpiry = 3650;

    public static PolicyKeys Read(SettingsReader reader, string section)
    {
        string Key(string name) => $"{section}:{name}";
        return new PolicyKeys(
            reader.Decimal(Key(nameof(TrailingStopPercent))),
            reader.Decimal(Key(nameof(TrailingStopAmount))),
            reader.Decimal(Key(nameof(TrailingGivebackPercent))),
            reader.Decimal(Key(nameof(TrailingActivationPercent))),
            reader.Decimal(Key(nameof(TrailingActivationPrice))),
            reader.Decimal(Key(nameof(StopLossPercent))),
            reader.Decimal(Key(nameof(TakeProfitPercent))),
            PolicyText.Source(reader, Key(nameof(PriceSource))),
            reader.Decimal(Key(nameof(RetryLimitOffsetPercent))),
            PolicyText.ScaleOuts(reader, Key(nameof(ScaleOuts))),
            Whole(reader, Key(nameof(ExitDaysBeforeExpiry)), MostDaysBeforeExpiry, "days"),
            Whole(reader, Key(nameof(ExitMinutesBeforeCloseOnExpiry)), TimeExitRule.MaxMinutesBeforeClose, "minutes"),
            Whole(reader, Key(nameof(ExitMinutesBeforeClose)), TimeExitRule.MaxMinutesBeforeClose, "minutes"),
            PolicyText.Hold(reader, Key(nameof(MaxHold))),
            PolicyText.Hold(reader, Key(nameof(MinHold))),
            Names.Where(name => reader.IsWritten(Key(name))).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>This section's keys where it writes them, the <paramref name="defaults"/>' elsewhere.</summary>
    public PolicyKeys Over(PolicyKeys defaults) => new(
        Pick(nameof(TrailingStopPercent), TrailingStopPercent, defaults.TrailingStopPercent),
        Pick(nameof(TrailingStopAmount), TrailingStopAmount, defaults.TrailingStopAmount),
        Pick(nameof(TrailingGivebackPercent), TrailingGivebackPercent, defaults.TrailingGivebackPercent),
        Pick(nameof(TrailingActivationPercent), TrailingActivationPercent, defaults.TrailingActivationPercent),
        Pick(nameof(TrailingActivationPrice), TrailingActivationPrice, defaults.TrailingActivationPrice),
        Pick(nameof(StopLossPercent), StopLossPercent, defaults.StopLossPercent),
        Pick(nameof(TakeProfitPercent), TakeProfitPercent, defaults.TakeProfitPercent),
        Pick(nameof(PriceSource), PriceSource, defaults.PriceSource),
        Pick(nameof(RetryLimitOffsetPercent), RetryLimitOffsetPercent, defaults.RetryLimitOffsetPercent),
        Pick(nameof(ScaleOuts), ScaleOuts, defaults.ScaleOuts),
        Pick(nameof(ExitDaysBeforeExpiry), ExitDaysBeforeExpiry, defaults.ExitDaysBeforeExpiry),
        Pick(nameof(ExitMinutesBeforeCloseOnExpiry), ExitMinutesBeforeCloseOnExpiry, defaults.ExitMinutesBeforeCloseOnExpiry),
        Pick(nameof(ExitMinutesBeforeClose), ExitMinutesBeforeClose, defaults.ExitMinutesBeforeClose),
        Pick(nameof(MaxHold), MaxHold, defaults.MaxHold),
        Pick(nameof(MinHold), MinHold, defaults.MinHold),
        Written);

    /// <summary>
    /// The policy these keys describe. One trailing mode at a time, and an activation needs a trail:
    /// each breach is a problem naming <paramref name="section"/>. The Domain's range checks
    /// (<see cref="ExitPolicy.Problems"/>) are the caller's, who knows which section to blame.
    /// </summary>
    /// <param name="unsetHint">How to unset a part in this section, for the one-trailing-mode problem.</param>
    public ExitPolicy ToPolicy(SettingsReader reader, string section, Func<IReadOnlyList<string>, string> unsetHint)
    {
        var modes = new List<(string Key, TrailingStopRule Rule)>(3);
        if (TrailingStopPercent is { } percent)
        {
            modes.Add((nameof(TrailingStopPercent), TrailingStopRule.Percent(percent)));
        }

        if (TrailingStopAmount is { } amount)
        {
            modes.Add((nameof(TrailingStopAmount), TrailingStopRule.Amount(amount)));
        }

        if (TrailingGivebackPercent is { } giveback)
        {
            modes.Add((nameof(TrailingGivebackPercent), TrailingStopRule.Giveback(giveback)));
        }

        TrailingStopRule? trailing = null;
        if (modes.Count > 1)
        {
            var keys = modes.Select(m => m.Key).ToList();
            reader.Problem($"{SettingsReader.VariableName(section)}: set {string.Join(" or ", keys)}, not {(keys.Count == 2 ? "both" : "all three")}: one trailing mode at a time ({unsetHint(keys)})");
        }
        else if (modes.Count == 1)
        {
            trailing = modes[0].Rule with { ActivationGainPercent = TrailingActivationPercent, ActivationPrice = TrailingActivationPrice };
        }
        else
        {
            foreach (var (name, value) in new[] { (nameof(TrailingActivationPercent), TrailingActivationPercent), (nameof(TrailingActivationPrice), TrailingActivationPrice) })
            {
                if (value is not null)
                {
                    reader.Problem($"{section}:{name}", "there is no trailing stop to arm");
                }
            }
        }

        var timeExit = (ExitDaysBeforeExpiry, ExitMinutesBeforeCloseOnExpiry, ExitMinutesBeforeClose, MaxHold) is (null, null, null, null)
            ? null
            : new TimeExitRule(ExitMinutesBeforeCloseOnExpiry, ExitDaysBeforeExpiry, ExitMinutesBeforeClose, MaxHold);
        return new ExitPolicy(
            StopLossPercent,
            TakeProfitPercent,
            trailing,
            ScaleOuts is { Count: > 0 } ? ScaleOuts : null,
            timeExit,
            PriceSource ?? Domain.Quotes.PriceSource.Bid,
            RetryLimitOffsetPercent,
            MinHold);
    }

    private T? Pick<T>(string key, T? mine, T? theirs) => Written.Contains(key) ? mine : theirs;

    private static int? Whole(SettingsReader reader, string key, int most, string unit) =>
        reader.Text(key) is null ? null : reader.Number(key, 0, 0, most, $"a whole number of {unit} (0-{most})");
}
