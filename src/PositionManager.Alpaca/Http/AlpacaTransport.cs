using System.Net.Http.Headers;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Alpaca.Http;

/// <summary>
/// One exchange with an Alpaca host (trading by default, market data when given its base URL):
/// waits for the request budget, adds the key headers, sends, and reads the answer and its
/// rate-limit headers. Failures of the exchange itself become values here; what a status code
/// means is <see cref="AlpacaErrors"/>' business.
/// </summary>
/// <param name="priority">Whether its requests are on an exit's path or can wait out a burst of exits (RequestBudget).</param>
internal sealed class AlpacaTransport(HttpClient http, AlpacaSettings settings, TimeProvider time, RequestBudget budget, Uri? baseUrl = null, RequestPriority priority = RequestPriority.Urgent)
{
    public const string KeyIdHeader = "APCA-API-KEY-ID";
    public const string SecretKeyHeader = "APCA-API-SECRET-KEY";

    private readonly Uri _baseUrl = baseUrl ?? settings.TradingBaseUrl;

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<BrokerResult<HttpAnswer>> SendAsync(HttpMethod method, string relativePath, byte[]? jsonBody, CallKind kind, CancellationToken cancellationToken)
    {
        await budget.AcquireAsync(priority, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ExchangeAsync(method, relativePath, jsonBody, kind, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            budget.Finished();
        }
    }

    private async Task<BrokerResult<HttpAnswer>> ExchangeAsync(HttpMethod method, string relativePath, byte[]? jsonBody, CallKind kind, CancellationToken cancellationToken)
    {
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
    /// The budget follows the server's count (limit, remaining, reset). Remaining 0 without a reset
    /// still holds every call for a window rather than earn a 429. Returns the reset for the caller's RetryAt.
    /// </summary>
    private DateTimeOffset? ObserveRateLimit(HttpResponseHeaders headers)
    {
        var reset = RateLimitHeaders.ReadReset(headers);
        var remaining = RateLimitHeaders.ReadRemaining(headers);
        budget.Observe(RateLimitHeaders.ReadLimit(headers), remaining, reset);
        if (remaining == 0)
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
