using Microsoft.Extensions.Logging;

namespace PositionManager.Alpaca.Streaming;

/// <summary>The trade stream's log lines: structured, and never the auth message or a key.</summary>
internal static partial class TradeStreamLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Trade stream listening to trade_updates at {StreamUrl}")]
    public static partial void Listening(ILogger logger, Uri streamUrl);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Trade stream down: {Reason}; reconnecting in {Delay}")]
    public static partial void Disconnected(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Trade stream refused the keys; check APCA_API_KEY_ID and APCA_API_SECRET_KEY. Retrying in {Delay}")]
    public static partial void Unauthorized(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Trade stream message skipped: {Problem}")]
    public static partial void MalformedSkipped(ILogger logger, string problem);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "Trade stream sink failed in {Callback}")]
    public static partial void SinkFailed(ILogger logger, string callback, Exception exception);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Trade stream stopped")]
    public static partial void Stopped(ILogger logger);
}
