using PositionManager.Alpaca.MarketData;

namespace PositionManager.Node.Configuration;

/// <summary><c>PositionManager:MarketData</c>: how quotes are streamed and polled.</summary>
public sealed record MarketDataOptions(TimeSpan PollInterval, OptionsFeed Feed, MarketDataMode Mode = MarketDataMode.Stream)
{
    public const string Section = "PositionManager:MarketData";

    public static readonly string[] Keys = ["PollInterval", "Feed", "Mode"];

    internal static MarketDataOptions Read(SettingsReader reader)
    {
        // Below 100 ms a poll would not have finished before the next one is due.
        var interval = reader.Duration($"{Section}:PollInterval", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));
        var feed = OptionsFeed.Indicative;
        if (reader.Text($"{Section}:Feed") is { } text && !OptionsFeedNames.TryParse(text, out feed))
        {
            reader.Problem($"{Section}:Feed", $"'{text}' is not indicative or opra");
        }

        // Streaming by default: Alpaca's free indicative feed streams options quotes and the
        // PaperBroker serves the same stream; polling covers whatever the stream does not.
        var mode = MarketDataMode.Stream;
        if (reader.Text($"{Section}:Mode") is { } modeText && !TryParseMode(modeText, out mode))
        {
            reader.Problem($"{Section}:Mode", $"'{modeText}' is not stream or poll");
        }

        return new MarketDataOptions(interval, feed, mode);
    }

    private static bool TryParseMode(string text, out MarketDataMode mode)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "stream":
                mode = MarketDataMode.Stream;
                return true;
            case "poll":
                mode = MarketDataMode.Poll;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
