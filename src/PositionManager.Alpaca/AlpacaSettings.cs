namespace PositionManager.Alpaca;

/// <summary>
/// Where Alpaca is and the keys that open it. The key id and secret are readable by the code that
/// must send them, but nothing prints them: <see cref="ToString"/> redacts both, error messages
/// name the variable that is wrong and never its value (docs/DESIGN.md invariant 9).
/// </summary>
public sealed class AlpacaSettings
{
    public const string KeyIdVariable = "APCA_API_KEY_ID";
    public const string SecretKeyVariable = "APCA_API_SECRET_KEY";
    public const string TradingUrlVariable = "APCA_API_BASE_URL";
    public const string DataUrlVariable = "APCA_API_DATA_URL";

    /// <summary>
    /// The shortest key id or secret taken from the variables. Alpaca's key ids are 20 characters
    /// and its secrets 40 (likely: seen in their keys, not documented; docs/ALPACA.md); 16 refuses a placeholder or a truncated
    /// paste, leaves room should Alpaca shorten its formats, and is long enough that
    /// <see cref="Scrub"/> never mistakes ordinary words for a key.
    /// </summary>
    public const int MinimumKeyLength = 16;

    public static readonly Uri PaperTradingUrl = new("https://paper-api.alpaca.markets/");
    public static readonly Uri LiveTradingUrl = new("https://api.alpaca.markets/");
    public static readonly Uri DefaultDataUrl = new("https://data.alpaca.markets/");

    private const string Redacted = "(redacted)";

    /// <param name="keyId">APCA-API-KEY-ID.</param>
    /// <param name="secretKey">APCA-API-SECRET-KEY.</param>
    /// <param name="tradingBaseUrl">Trading host without <c>/v2</c>; paper by default.</param>
    /// <param name="dataBaseUrl">Market data host.</param>
    /// <param name="streamUrl">Trade-updates websocket; by default the trading host's <c>/stream</c> over ws(s).</param>
    public AlpacaSettings(string keyId, string secretKey, Uri? tradingBaseUrl = null, Uri? dataBaseUrl = null, Uri? streamUrl = null)
    {
        // Header values: a control character or space would make HttpClient throw an exception
        // whose message quotes the value, i.e. the secret.
        if (string.IsNullOrWhiteSpace(keyId) || !IsPrintableToken(keyId))
        {
            throw new ArgumentException("the Alpaca key id is empty or not printable ASCII without spaces", nameof(keyId));
        }

        if (string.IsNullOrWhiteSpace(secretKey) || !IsPrintableToken(secretKey))
        {
            throw new ArgumentException("the Alpaca secret key is empty or not printable ASCII without spaces", nameof(secretKey));
        }

        KeyId = keyId;
        SecretKey = secretKey;
        TradingBaseUrl = BaseUrl(tradingBaseUrl ?? PaperTradingUrl, nameof(tradingBaseUrl), "http", "https");
        DataBaseUrl = BaseUrl(dataBaseUrl ?? DefaultDataUrl, nameof(dataBaseUrl), "http", "https");
        StreamUrl = streamUrl is null ? DeriveStreamUrl(TradingBaseUrl) : Absolute(streamUrl, nameof(streamUrl), "ws", "wss");
    }

    public string KeyId { get; }

    public string SecretKey { get; }

    /// <summary>Ends with a slash, without <c>/v2</c>: request paths are resolved against it.</summary>
    public Uri TradingBaseUrl { get; }

    public Uri DataBaseUrl { get; }

    public Uri StreamUrl { get; }

    /// <summary>Paper, live or neither, by the trading host (<see cref="AlpacaTradingHosts"/>).</summary>
    public AlpacaTradingEnvironment TradingEnvironment => AlpacaTradingHosts.Classify(TradingBaseUrl);

    /// <summary>Alpaca's conventional variables: keys required, URLs defaulting to paper trading.</summary>
    /// <exception cref="InvalidOperationException">A key variable is missing or too short, or a URL is not usable; the message names the variable.</exception>
    public static AlpacaSettings FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="FromEnvironment"/>, reading the variables through <paramref name="read"/>.</summary>
    public static AlpacaSettings FromVariables(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var keyId = LongEnough(Required(read, KeyIdVariable), KeyIdVariable, "key id", 20);
        var secret = LongEnough(Required(read, SecretKeyVariable), SecretKeyVariable, "secret key", 40);
        var trading = OptionalUrl(read, TradingUrlVariable) ?? PaperTradingUrl;
        var data = OptionalUrl(read, DataUrlVariable) ?? DefaultDataUrl;
        try
        {
            return new AlpacaSettings(keyId, secret, trading, data);
        }
        catch (ArgumentException e)
        {
            var variable = e.ParamName switch
            {
                "keyId" => KeyIdVariable,
                "secretKey" => SecretKeyVariable,
                "dataBaseUrl" => DataUrlVariable,
                _ => TradingUrlVariable,
            };
            throw new InvalidOperationException($"{variable}: {Describe(e)}", e);
        }
    }

    public override string ToString() =>
        $"AlpacaSettings {{ KeyId = {Redacted}, SecretKey = {Redacted}, TradingBaseUrl = {TradingBaseUrl}, DataBaseUrl = {DataBaseUrl}, StreamUrl = {StreamUrl} }}";

    /// <summary>
    /// Removes the key id and secret from text that is about to leave the process (a failure's
    /// message, a log line built from an exception). Defence in depth: nothing we write contains
    /// them, but an exception from a lower layer might. A value shorter than
    /// <see cref="MinimumKeyLength"/> is left alone: started with the secret <c>s</c>, every "s" of
    /// a log line became "(redacted)" ("Name or (redacted)ervice not (redacted)nown"), which hid
    /// nothing and garbled everything. Such keys never come from the variables; only tests and the
    /// embedded broker's stand-in construct them.
    /// </summary>
    public string Scrub(string text)
    {
        var scrubbed = text;
        foreach (var key in new[] { SecretKey, KeyId })
        {
            if (key.Length >= MinimumKeyLength)
            {
                scrubbed = scrubbed.Replace(key, Redacted, StringComparison.Ordinal);
            }
        }

        return scrubbed;
    }

    private static string Required(Func<string, string?> read, string variable)
    {
        var value = read(variable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"{variable} is not set: the Alpaca API keys come from {KeyIdVariable} and {SecretKeyVariable}")
            : value.Trim();
    }

    /// <summary>The message names the variable and the floor, never the value nor its length.</summary>
    private static string LongEnough(string value, string variable, string what, int alpacasLength) =>
        value.Length >= MinimumKeyLength
            ? value
            : throw new InvalidOperationException($"{variable}: too short to be an Alpaca {what} (fewer than {MinimumKeyLength} characters; Alpaca's are {alpacasLength})");

    private static bool IsPrintableToken(string value) => value.All(c => c is > ' ' and <= '~');

    private static Uri? OptionalUrl(Func<string, string?> read, string variable)
    {
        var value = read(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // The value is not echoed: a URL can carry credentials (user:password@host).
        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url)
            ? url
            : throw new InvalidOperationException($"{variable} is not an absolute URL");
    }

    private static Uri BaseUrl(Uri url, string parameter, params string[] schemes)
    {
        var absolute = Absolute(url, parameter, schemes);
        var path = absolute.AbsolutePath.TrimEnd('/');

        // Alpaca's SDKs take the host without /v2, but the docs' full URLs tempt people to add it;
        // keeping it would send every request to /v2/v2/….
        if (path.EndsWith("/v2", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^3];
        }

        return new UriBuilder(absolute) { Path = path + "/", Query = "", Fragment = "" }.Uri;
    }

    private static Uri Absolute(Uri url, string parameter, params string[] schemes)
    {
        if (!url.IsAbsoluteUri || !schemes.Contains(url.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"must be an absolute {string.Join(" or ", schemes)} URL", parameter);
        }

        return string.IsNullOrEmpty(url.UserInfo)
            ? url
            : throw new ArgumentException("must not carry credentials; the keys go in their own variables", parameter);
    }

    private static Uri DeriveStreamUrl(Uri trading) =>
        new UriBuilder(trading)
        {
            Scheme = trading.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Port = trading.IsDefaultPort ? -1 : trading.Port,
            Path = trading.AbsolutePath + "stream",
        }.Uri;

    private static string Describe(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
}
