namespace PositionManager.Alpaca;

/// <summary>
/// Recognises Alpaca's two trading hosts (docs/ALPACA.md, "Hosts, keys, environment"). The host
/// alone decides, compared without case and without a trailing dot: a scheme, port or path cannot
/// make a URL less live, since the keys would still reach the live host. Anything else, a
/// look-alike such as <c>api.alpaca.markets.example.com</c> included, is
/// <see cref="AlpacaTradingEnvironment.Other"/>: neither trusted as paper nor taken for live.
/// </summary>
public static class AlpacaTradingHosts
{
    public const string LiveHost = "api.alpaca.markets";
    public const string PaperHost = "paper-api.alpaca.markets";

    public static AlpacaTradingEnvironment Classify(Uri tradingUrl)
    {
        ArgumentNullException.ThrowIfNull(tradingUrl);
        if (!tradingUrl.IsAbsoluteUri)
        {
            return AlpacaTradingEnvironment.Other;
        }

        // IdnHost: a host spelled with look-alike Unicode letters compares as its punycode, never as Alpaca's.
        var host = tradingUrl.IdnHost.TrimEnd('.');
        return host.Equals(LiveHost, StringComparison.OrdinalIgnoreCase) ? AlpacaTradingEnvironment.Live
            : host.Equals(PaperHost, StringComparison.OrdinalIgnoreCase) ? AlpacaTradingEnvironment.Paper
            : AlpacaTradingEnvironment.Other;
    }
}
