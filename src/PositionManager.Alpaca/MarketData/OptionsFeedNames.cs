namespace PositionManager.Alpaca.MarketData;

/// <summary>The feed names as Alpaca spells them, both ways.</summary>
public static class OptionsFeedNames
{
    public static string ToWire(this OptionsFeed feed) => feed switch
    {
        OptionsFeed.Indicative => "indicative",
        OptionsFeed.Opra => "opra",
        _ => throw new ArgumentOutOfRangeException(nameof(feed), feed, null),
    };

    public static bool TryParse(string? text, out OptionsFeed feed)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "indicative":
                feed = OptionsFeed.Indicative;
                return true;
            case "opra":
                feed = OptionsFeed.Opra;
                return true;
            default:
                feed = default;
                return false;
        }
    }
}
