using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using PositionManager.Alpaca.Trading;
using PositionManager.Alpaca.Wire;

namespace PositionManager.Alpaca.Http;

/// <summary>
/// One REST call on the trading API as every client of it makes it: through the shared transport
/// (and so the account's request budget), with Alpaca's statuses mapped to failure kinds, the body
/// read strictly, and every failure scrubbed of the keys and logged once.
/// </summary>
internal sealed class AlpacaCalls(AlpacaTransport transport, AlpacaSettings settings, TimeProvider time, ILogger logger)
{
    /// <param name="notFoundIsAnswer">Alpaca's 404 means "none" here, a value rather than a failure.</param>
    public async Task<BrokerResult<HttpAnswer>> SendAsync(HttpMethod method, string path, byte[]? body, CallKind kind, CancellationToken cancellationToken, bool notFoundIsAnswer = false)
    {
        var answer = await transport.SendAsync(method, path, body, kind, cancellationToken).ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            return Fail(path, failure);
        }

        var value = answer.Value!;
        if (value.IsSuccess || (notFoundIsAnswer && AlpacaErrors.IsAlpacaNotFound(value)))
        {
            return answer;
        }

        // Here a bare 404 would read as "none": it is not Alpaca's answer (wrong base URL, a proxy).
        return notFoundIsAnswer && value.Status == 404
            ? Fail(path, new BrokerFailure.Malformed($"HTTP 404 {path} without Alpaca's error body; is {AlpacaSettings.TradingUrlVariable} right?"))
            : Fail(path, AlpacaErrors.FromAnswer(value, kind, time.GetUtcNow()));
    }

    public BrokerResult<TValue> Read<TJson, TValue>(
        HttpAnswer answer,
        string path,
        JsonTypeInfo<TJson> type,
        Func<TJson?, BrokerResult<TValue>> map)
    {
        if (!WireJson.TryRead(answer.Body, type, out var json, out var problem))
        {
            return Fail(path, new BrokerFailure.Malformed($"HTTP {answer.Status} {path}: {problem}"));
        }

        var mapped = map(json);
        return mapped.Failure is { } failure ? Fail(path, failure) : mapped;
    }

    /// <summary>The one way out for a failure: its message is scrubbed of the keys, then logged.</summary>
    public BrokerFailure Fail(string path, BrokerFailure failure)
    {
        var scrubbed = failure with { Message = settings.Scrub(failure.Message) };
        BrokerClientLog.CallFailed(logger, path, scrubbed.GetType().Name, scrubbed.Message);
        return scrubbed;
    }
}
