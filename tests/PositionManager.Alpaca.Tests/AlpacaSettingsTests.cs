namespace PositionManager.Alpaca.Tests;

public sealed class AlpacaSettingsTests
{
    // As long as Alpaca's (20): the variables refuse fewer than 16 characters.
    private const string KeyId = "PKSETTINGSKEY99ABCDE";
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

    [Theory]
    [InlineData("APCA_API_KEY_ID", "PKSHORT", "APCA_API_KEY_ID: too short to be an Alpaca key id (fewer than 16 characters; Alpaca's are 20)")]
    [InlineData("APCA_API_KEY_ID", "PK0123456789ABC", "APCA_API_KEY_ID: too short to be an Alpaca key id (fewer than 16 characters; Alpaca's are 20)")]
    [InlineData("APCA_API_SECRET_KEY", "s", "APCA_API_SECRET_KEY: too short to be an Alpaca secret key (fewer than 16 characters; Alpaca's are 40)")]
    [InlineData("APCA_API_SECRET_KEY", "  short-secret   ", "APCA_API_SECRET_KEY: too short to be an Alpaca secret key (fewer than 16 characters; Alpaca's are 40)")]
    public void A_key_too_short_to_be_alpacas_is_refused_naming_its_variable_and_not_its_value(string variable, string value, string problem)
    {
        var values = new[] { ("APCA_API_KEY_ID", KeyId), ("APCA_API_SECRET_KEY", Secret) }.Select(v => v.Item1 == variable ? (v.Item1, value) : v).ToArray();

        var error = Assert.Throws<InvalidOperationException>(() => AlpacaSettings.FromVariables(Variables(values)));

        Assert.Equal(problem, error.Message);
        Assert.DoesNotContain($"'{value.Trim()}'", error.Message);
    }

    [Fact]
    public void Keys_at_the_floor_are_taken()
    {
        var settings = AlpacaSettings.FromVariables(Variables(("APCA_API_KEY_ID", "PK0123456789ABCD"), ("APCA_API_SECRET_KEY", "0123456789abcdef")));

        Assert.Equal((16, 16), (settings.KeyId.Length, settings.SecretKey.Length));
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

    /// <summary>
    /// Started with the secret "s", the node's log read "Name or (redacted)ervice not (redacted)nown".
    /// A value too short to be a key is never redacted; one as long as a key still is.
    /// </summary>
    [Fact]
    public void Scrub_leaves_text_alone_for_a_value_shorter_than_the_floor()
    {
        var shortKeys = new AlpacaSettings("k", "s");
        var longSecret = new AlpacaSettings("k", "0123456789abcdef");

        Assert.Equal("Name or service not known (k)", shortKeys.Scrub("Name or service not known (k)"));
        Assert.Equal("Name or service not known (redacted)", longSecret.Scrub("Name or service not known 0123456789abcdef"));
        Assert.Equal("k0123456789abcde", longSecret.Scrub("k0123456789abcde"));
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
