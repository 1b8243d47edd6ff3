using Microsoft.Extensions.Logging;

namespace PositionManager.Alpaca.MarketData.Streaming;

/// <summary>The quote stream's log lines: structured, and never the auth message or a key.</summary>
internal static partial class QuoteStreamLog
{
    [LoggerMessage(EventId = 121, Level = LogLevel.Information, Message = "Quote stream authenticated at {StreamUrl}")]
    public static partial void Connected(ILogger logger, Uri streamUrl);

    [LoggerMessage(EventId = 122, Level = LogLevel.Warning, Message = "Quote stream down: {Reason}; reconnecting in {Delay}")]
    public static partial void Disconnected(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 123, Level = LogLevel.Error, Message = "Quote stream refused the keys; check APCA_API_KEY_ID and APCA_API_SECRET_KEY. Retrying in {Delay}")]
    public static partial void Unauthorized(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 124, Level = LogLevel.Warning, Message = "Quote stream message skipped: {Problem}")]
    public static partial void MalformedSkipped(ILogger logger, string problem);

    [LoggerMessage(EventId = 125, Level = LogLevel.Error, Message = "Quote stream sink failed in {Callback}")]
    public static partial void SinkFailed(ILogger logger, string callback, Exception exception);

    [LoggerMessage(EventId = 126, Level = LogLevel.Information, Message = "Quote stream stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 127, Level = LogLevel.Warning, Message = "Quote stream answered {Error}; the symbols it does not stream are polled")]
    public static partial void ServerError(ILogger logger, string error);

    [LoggerMessage(EventId = 128, Level = LogLevel.Debug, Message = "Quote stream subscribed to {Symbols} contracts")]
    public static partial void Subscribed(ILogger logger, int symbols);
}
