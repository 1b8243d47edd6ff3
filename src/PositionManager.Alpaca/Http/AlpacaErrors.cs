using PositionManager.Alpaca.Trading;
using PositionManager.Alpaca.Wire;

namespace PositionManager.Alpaca.Http;

/// <summary>
/// Turns a non-2xx answer into the failure kind that tells the caller what it may do next.
/// The status decides; the body only supplies Alpaca's code and message (and never the retry time).
/// </summary>
internal static class AlpacaErrors
{
    /// <summary>Without X-RateLimit-Reset a 429 is retried after Alpaca's one-minute window.</summary>
    public static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromMinutes(1);

    public static BrokerFailure FromAnswer(HttpAnswer answer, CallKind kind, DateTimeOffset now)
    {
        var (code, message) = ReadError(answer.Body);
        var text = message ?? $"HTTP {answer.Status} without Alpaca's error body";
        return answer.Status switch
        {
            401 => Unauthorized(401, text),
            403 => IsAuthRefusal(code, message) ? Unauthorized(403, text) : new BrokerFailure.Rejected(403, code, text),
            429 => new BrokerFailure.RateLimited(answer.RateLimitReset ?? now + DefaultRateLimitWait, $"HTTP 429: {text}"),
            >= 400 and < 500 => new BrokerFailure.Rejected(answer.Status, code, text),
            >= 500 and < 600 when kind == CallKind.Submit => Ambiguous($"HTTP {answer.Status}: {text}"),
            >= 500 and < 600 => new BrokerFailure.Transient($"HTTP {answer.Status}: {text}"),
            _ when kind == CallKind.Submit => Ambiguous($"unexpected HTTP {answer.Status}"),
            _ => new BrokerFailure.Malformed($"unexpected HTTP {answer.Status}"),
        };
    }

    /// <summary>
    /// Alpaca's "none" for a position or an order: 404 WITH its error body. A bare 404 is not
    /// believed: it is what a wrong base URL or a proxy answers, and reading it as "no position"
    /// would make the account look flat.
    /// </summary>
    public static bool IsAlpacaNotFound(HttpAnswer answer)
    {
        if (answer.Status != 404)
        {
            return false;
        }

        var (code, message) = ReadError(answer.Body);
        return code is not null || !string.IsNullOrEmpty(message);
    }

    public static BrokerFailure.Ambiguous Ambiguous(string reason) =>
        new($"{reason}; the order may exist: look it up by client_order_id before submitting again");

    /// <summary>
    /// 403 means two things at Alpaca: keys refused by its gateway (Alpaca-API issue #228 shows
    /// <c>{"message":"forbidden."}</c> with no code) and trading refusals (code 40310000: insufficient
    /// qty or buying power, position intent mismatch), which the PaperBroker reproduces; its own auth
    /// refusal is a 401. Assumed: a 403 is about the keys when its message says so (forbidden,
    /// unauthorized, not authorized) or when it carries neither code nor message; otherwise it is a
    /// rejection of this request, with Alpaca's code and message.
    /// </summary>
    public static bool IsAuthRefusal(int? code, string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return code is null;
        }

        return message.Contains("forbidden", StringComparison.OrdinalIgnoreCase) ||
               message.Contains("unauthorized", StringComparison.OrdinalIgnoreCase) ||
               message.Contains("not authorized", StringComparison.OrdinalIgnoreCase);
    }

    public static (int? Code, string? Message) ReadError(byte[] body)
    {
        if (!WireJson.TryRead(body, AlpacaJsonContext.Default.ErrorJson, out var error, out _) || error is null)
        {
            return (null, null);
        }

        return (error.Code, string.IsNullOrWhiteSpace(error.Message) ? null : error.Message);
    }

    private static BrokerFailure.Unauthorized Unauthorized(int status, string text) =>
        new(status, $"HTTP {status}: {text}; check {AlpacaSettings.KeyIdVariable} and {AlpacaSettings.SecretKeyVariable}");
}
