using PositionManager.Domain.Exits;
using PositionManager.Domain.Quotes;

namespace PositionManager.Node.Configuration;

/// <summary><c>PositionManager:ExitPolicy</c>: the policy an adopted position starts with. Percentages are of the entry price.</summary>
public sealed record ExitPolicyOptions(
    decimal? TrailingStopPercent,
    decimal? TrailingStopAmount,
    decimal? TrailingActivationPercent,
    decimal? StopLossPercent,
    decimal? TakeProfitPercent,
    PriceSource PriceSource)
{
    public const string Section = "PositionManager:ExitPolicy";

    public static readonly string[] Keys =
        ["TrailingStopPercent", "TrailingStopAmount", "TrailingActivationPercent", "StopLossPercent", "TakeProfitPercent", "PriceSource"];

    /// <summary>Longs only are adopted, so the prices that make sense for a sell: bid (what it gets), mid, last.</summary>
    private static readonly Dictionary<string, PriceSource> Sources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bid"] = PriceSource.Bid,
        ["mid"] = PriceSource.Mid,
        ["last"] = PriceSource.Last,
    };

    internal static ExitPolicyOptions Read(SettingsReader reader)
    {
        var sourceKey = $"{Section}:PriceSource";
        var source = PriceSource.Bid;
        if (reader.Text(sourceKey) is { } text && !Sources.TryGetValue(text, out source))
        {
            reader.Problem(sourceKey, $"'{text}' is not bid, mid or last");
        }

        var options = new ExitPolicyOptions(
            reader.Decimal($"{Section}:TrailingStopPercent"),
            reader.Decimal($"{Section}:TrailingStopAmount"),
            reader.Decimal($"{Section}:TrailingActivationPercent"),
            reader.Decimal($"{Section}:StopLossPercent"),
            reader.Decimal($"{Section}:TakeProfitPercent"),
            source);
        options.Check(reader);
        return options;
    }

    public ExitPolicy ToPolicy()
    {
        var trailing = (TrailingStopPercent, TrailingStopAmount) switch
        {
            ({ } percent, null) => TrailingStopRule.Percent(percent),
            (null, { } amount) => TrailingStopRule.Amount(amount),
            _ => null,
        };
        if (trailing is not null && TrailingActivationPercent is { } activation)
        {
            trailing = trailing.ArmedAtGain(activation);
        }

        return new ExitPolicy(StopLossPercent, TakeProfitPercent, trailing, PriceSource: PriceSource);
    }

    private void Check(SettingsReader reader)
    {
        if (TrailingStopPercent is not null && TrailingStopAmount is not null)
        {
            reader.Problem($"{SettingsReader.VariableName(Section)}: set TrailingStopPercent or TrailingStopAmount, not both (an empty value unsets the one from appsettings.json)");
            return;
        }

        if (TrailingActivationPercent is not null && TrailingStopPercent is null && TrailingStopAmount is null)
        {
            reader.Problem($"{SettingsReader.VariableName(Section)}__TrailingActivationPercent: there is no trailing stop to arm");
        }

        // The Domain's own rules (ranges) are the last word on what a policy may be.
        foreach (var problem in ToPolicy().Problems())
        {
            reader.Problem($"{SettingsReader.VariableName(Section)}: {problem}");
        }
    }
}
