namespace PositionManager.Alpaca.MarketData.Streaming;

/// <summary>Where the options quote websocket of a data host is.</summary>
public static class OptionsStreamUrl
{
    /// <summary>
    /// <c>https://data.alpaca.markets</c> streams at <c>wss://stream.data.alpaca.markets/v1beta1/{feed}</c>
    /// (and the sandbox's data host likewise); any other host (the PaperBroker) serves the stream
    /// itself, at the same path over ws(s).
    /// </summary>
    public static Uri For(AlpacaSettings settings, OptionsFeed feed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var data = settings.DataBaseUrl;
        var alpacaData = data.Host.StartsWith("data.", StringComparison.OrdinalIgnoreCase)
            && data.Host.EndsWith(".alpaca.markets", StringComparison.OrdinalIgnoreCase);
        return new UriBuilder(data)
        {
            Scheme = data.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Host = alpacaData ? "stream." + data.Host : data.Host,
            Port = data.IsDefaultPort ? -1 : data.Port,
            Path = data.AbsolutePath + "v1beta1/" + feed.ToWire(),
        }.Uri;
    }
}
