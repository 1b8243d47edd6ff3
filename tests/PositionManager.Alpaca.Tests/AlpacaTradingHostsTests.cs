namespace PositionManager.Alpaca.Tests;

public sealed class AlpacaTradingHostsTests
{
    [Theory]
    [InlineData("https://api.alpaca.markets")]
    [InlineData("https://api.alpaca.markets/")]
    [InlineData("https://API.Alpaca.Markets/v2")]
    [InlineData("https://api.alpaca.markets./")]
    [InlineData("https://api.alpaca.markets:443/v2/")]
    [InlineData("http://api.alpaca.markets")]
    [InlineData("https://api.alpaca.markets:8443/")]
    public void Alpacas_live_host_is_live_whatever_the_case_path_scheme_or_port(string url)
    {
        Assert.Equal(AlpacaTradingEnvironment.Live, AlpacaTradingHosts.Classify(new Uri(url)));
    }

    [Theory]
    [InlineData("https://paper-api.alpaca.markets")]
    [InlineData("https://PAPER-API.alpaca.markets/v2/")]
    [InlineData("https://paper-api.alpaca.markets./")]
    public void Alpacas_paper_host_is_paper(string url)
    {
        Assert.Equal(AlpacaTradingEnvironment.Paper, AlpacaTradingHosts.Classify(new Uri(url)));
    }

    /// <summary>A look-alike is not trusted as paper, and not Alpaca's live account either: it is someone else's host (the "а" of one is Cyrillic).</summary>
    [Theory]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("https://api.alpaca.markets.example.com/")]
    [InlineData("https://paper-api.alpaca.markets.example.com/")]
    [InlineData("https://xapi.alpaca.markets/")]
    [InlineData("https://api-alpaca.markets/")]
    [InlineData("https://data.alpaca.markets/")]
    [InlineData("https://аpi.alpaca.markets/")]
    [InlineData("https://example.com/api.alpaca.markets")]
    public void Any_other_host_is_other(string url)
    {
        Assert.Equal(AlpacaTradingEnvironment.Other, AlpacaTradingHosts.Classify(new Uri(url)));
    }

    [Fact]
    public void The_settings_say_which_environment_their_trading_url_reaches()
    {
        const string key = "PKHOSTSKEY0123456789";
        const string secret = "hosts-secret-0123456789";

        Assert.Equal(AlpacaTradingEnvironment.Paper, new AlpacaSettings(key, secret).TradingEnvironment);
        Assert.Equal(AlpacaTradingEnvironment.Live, new AlpacaSettings(key, secret, AlpacaSettings.LiveTradingUrl).TradingEnvironment);
        Assert.Equal(AlpacaTradingEnvironment.Other, new AlpacaSettings(key, secret, new Uri("http://127.0.0.1:5080/v2")).TradingEnvironment);
    }
}
