using System.Net.Http.Headers;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Alpaca.Http;

/// <summary>
/// One exchange with an Alpaca host (trading by default, market data when given its base URL):
/// waits for the request budget, adds the key headers, sends, and reads the answer and its
/// rate-limit headers. Failures of the exchange itself become values here; what a status code
/// means is <see cref="AlpacaErrors"/>' business.
/// </summary>
internal sealed class AlpacaTransport(HttpClient http, AlpacaSettings settings, TimeProvider time, RequestBudget budget, Uri? baseUrl = null)
{
    public const string KeyIdHeader = "APCA-API-KEY-ID";
    public const string SecretKeyHeader = "APCA-API-SECRET-KEY";

    private readonly Uri _baseUrl = baseUrl ?? settings.TradingBaseUrl;

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<BrokerResult<HttpAnswer>> SendAsync(HttpMethod method, string relativePath, byte[]? jsonBody, CallKind kind, CancellationToken cancellationToken)
    {
        await budget.AcquireAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, new Uri(_baseUrl, relativePath));
        request.Headers.Add(KeyIdHeader, settings.KeyId);
        request.Headers.Add(SecretKeyHeader, settings.SecretKey);
        request.Headers.Accept.Add(Json);
        if (jsonBody is not null)
        {
            request.Content = new ByteArrayContent(jsonBody);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        try
        {
            // The default completion option buffers the body, so a connection lost mid-body fails here too.
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var reset = ObserveRateLimit(response.Headers);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return BrokerResult<HttpAnswer>.Success(new HttpAnswer((int)response.StatusCode, body, reset));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // HttpClient.Timeout: the request may have reached Alpaca and been acted on.
            return AfterSending(kind, "no answer within the HTTP timeout");
        }
        catch (HttpRequestException e) when (NeverSent(e))
        {
            return new BrokerFailure.Transient($"could not connect: {settings.Scrub(e.Message)}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return AfterSending(kind, $"connection lost: {settings.Scrub(e.Message)}");
        }
    }

    /// <summary>
    /// Remaining 0 means the server's window is spent: hold every call until its reset rather than
    /// earn a 429. Returns the reset for the caller's RetryAt.
    /// </summary>
    private DateTimeOffset? ObserveRateLimit(HttpResponseHeaders headers)
    {
        var reset = RateLimitHeaders.ReadReset(headers);
        if (RateLimitHeaders.ReadRemaining(headers) == 0)
        {
            budget.PauseUntil(reset ?? time.GetUtcNow() + AlpacaErrors.DefaultRateLimitWait);
        }

        return reset;
    }

    /// <summary>
    /// Failures while connecting (refused, DNS, TLS handshake, proxy tunnel) happen before a byte of
    /// the request left, so even a submit certainly did nothing. Anything later (reset, abort, a
    /// truncated or invalid answer) may follow a request the server acted on.
    /// </summary>
    private static bool NeverSent(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private static BrokerFailure AfterSending(CallKind kind, string reason) =>
        kind == CallKind.Submit ? AlpacaErrors.Ambiguous(reason) : new BrokerFailure.Transient(reason);
}
