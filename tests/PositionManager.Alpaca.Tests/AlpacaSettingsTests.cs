namespace PositionManager.Alpaca.Tests;

public sealed class AlpacaSettingsTests
{
    private const string KeyId = "PKSETTINGSKEY99";
    private const string Secret = "settings-secret-Vb7Tq1";

    [Fact]
    public void Keys_come_from_alpacas_variables_and_urls_default_to_paper()
    {
        var settings = AlpacaSettings.FromVariables(Variables(("APCA_API_KEY_ID", KeyId), ("APCA_API_SECRET_KEY", Secret)));

        Assert.Equal(KeyId, settings.KeyId);
        Assert.Equal(Secret, settings.SecretKey);
        Assert.Equal(new Uri("https://paper-api.alpaca.markets/"), settings.TradingBaseUrl);
        Assert.Equal(new Uri("https://data.alpaca.markets/"), settings.DataBaseUrl);
        Assert.Equal(new Uri("wss://paper-api.alpaca.markets/stream"), settings.StreamUrl);
    }

    [Fact]
    public void Live_urls_are_taken_and_the_stream_follows_the_trading_host()
    {
        var settings = AlpacaSettings.FromVariables(Variables(
            ("APCA_API_KEY_ID", KeyId), ("APCA_API_SECRET_KEY", Secret),
            ("APCA_API_BASE_URL", "https://api.alpaca.markets"), ("APCA_API_DATA_URL", "https://data.example.test")));

        Assert.Equal(new Uri("https://api.alpaca.markets/"), settings.TradingBaseUrl);
        Assert.Equal(new Uri("https://data.example.test/"), settings.DataBaseUrl);
        Assert.Equal(new Uri("wss://api.alpaca.markets/stream"), settings.StreamUrl);
    }

    [Fact]
    public void A_plain_http_host_streams_over_ws_on_its_port_and_a_trailing_v2_is_dropped()
    {
        var settings = new AlpacaSettings(KeyId, Secret, new Uri("http://127.0.0.1:5080/v2"));

        Assert.Equal(new Uri("http://127.0.0.1:5080/"), settings.TradingBaseUrl);
        Assert.Equal(new Uri("ws://127.0.0.1:5080/stream"), settings.StreamUrl);
    }

    [Theory]
    [InlineData("APCA_API_KEY_ID")]
    [InlineData("APCA_API_SECRET_KEY")]
    public void A_missing_key_names_its_variable_and_shows_no_value(string missing)
    {
        var present = new[] { ("APCA_API_KEY_ID", KeyId), ("APCA_API_SECRET_KEY", Secret) }.Where(v => v.Item1 != missing).ToArray();

        var error = Assert.Throws<InvalidOperationException>(() => AlpacaSettings.FromVariables(Variables(present)));

        Assert.StartsWith($"{missing} is not set", error.Message);
        Assert.DoesNotContain(KeyId, error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public void A_url_with_credentials_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AlpacaSettings.FromVariables(Variables(
            ("APCA_API_KEY_ID", KeyId), ("APCA_API_SECRET_KEY", Secret), ("APCA_API_BASE_URL", "https://user:hunter2@api.alpaca.markets"))));

        Assert.StartsWith("APCA_API_BASE_URL", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void A_key_that_cannot_be_a_header_value_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AlpacaSettings.FromVariables(Variables(
            ("APCA_API_KEY_ID", KeyId), ("APCA_API_SECRET_KEY", "line\nbreak-secret"))));

        Assert.StartsWith("APCA_API_SECRET_KEY", error.Message);
        Assert.DoesNotContain("break-secret", error.Message);
    }

    [Fact]
    public void ToString_redacts_both_keys()
    {
        var text = new AlpacaSettings(KeyId, Secret).ToString();

        Assert.DoesNotContain(KeyId, text);
        Assert.DoesNotContain(Secret, text);
        Assert.Contains("(redacted)", text);
        Assert.Contains("paper-api.alpaca.markets", text);
    }

    [Fact]
    public void Scrub_removes_keys_from_text_of_other_origin()
    {
        var settings = new AlpacaSettings(KeyId, Secret);

        Assert.Equal("header (redacted) / (redacted)", settings.Scrub($"header {KeyId} / {Secret}"));
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
