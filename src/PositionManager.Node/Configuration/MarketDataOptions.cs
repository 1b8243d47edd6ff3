using PositionManager.Alpaca.MarketData;

namespace PositionManager.Node.Configuration;

/// <summary><c>PositionManager:MarketData</c>: how quotes are polled.</summary>
public sealed record MarketDataOptions(TimeSpan PollInterval, OptionsFeed Feed)
{
    public const string Section = "PositionManager:MarketData";

    public static readonly string[] Keys = ["PollInterval", "Feed"];

    internal static MarketDataOptions Read(SettingsReader reader)
    {
        // Below 100 ms a poll would not have finished before the next one is due.
        var interval = reader.Duration($"{Section}:PollInterval", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));
        var feed = OptionsFeed.Indicative;
        if (reader.Text($"{Section}:Feed") is { } text && !OptionsFeedNames.TryParse(text, out feed))
        {
            reader.Problem($"{Section}:Feed", $"'{text}' is not indicative or opra");
        }

        return new MarketDataOptions(interval, feed);
    }
}
