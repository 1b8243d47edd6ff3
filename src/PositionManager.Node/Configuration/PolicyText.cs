using PositionManager.Domain.Exits;
using PositionManager.Domain.Quotes;

namespace PositionManager.Node.Configuration;

/// <summary>
/// The policy values that are text, read one way for the settings and for pmctl's policy changes:
/// the price source, scale-outs (<see cref="ScaleOutText"/>) and holds (<see cref="DurationText"/>).
/// </summary>
internal static class PolicyText
{
    public const string Sources = "bid, mid or last";

    /// <summary>Longs only are adopted, so the prices that make sense for a sell: bid (what it gets), mid, last.</summary>
    public static bool TryParseSource(string text, out PriceSource source)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "bid":
                source = PriceSource.Bid;
                return true;
            case "mid":
                source = PriceSource.Mid;
                return true;
            case "last":
                source = PriceSource.Last;
                return true;
            default:
                source = default;
                return false;
        }
    }

    public static string SourceProblem(string text) => $"'{text}' is not {Sources}";

    public static string HoldProblem(string text) => $"'{text}' is not a duration (e.g. {DurationText.Examples})";

    public static PriceSource? Source(SettingsReader reader, string key)
    {
        if (reader.Text(key) is not { } text)
        {
            return null;
        }

        if (TryParseSource(text, out var source))
        {
            return source;
        }

        reader.Problem(key, SourceProblem(text));
        return null;
    }

    public static IReadOnlyList<ScaleOutTarget>? ScaleOuts(SettingsReader reader, string key)
    {
        if (reader.Text(key) is not { } text)
        {
            return null;
        }

        if (ScaleOutText.TryParse(text, out var targets, out var problem))
        {
            return targets;
        }

        reader.Problem(key, problem);
        return null;
    }

    public static TimeSpan? Hold(SettingsReader reader, string key)
    {
        if (reader.Text(key) is not { } text)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var hold))
        {
            return hold;
        }

        reader.Problem(key, HoldProblem(text));
        return null;
    }
}
