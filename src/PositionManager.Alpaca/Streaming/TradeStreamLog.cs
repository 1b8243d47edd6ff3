using Microsoft.Extensions.Logging;

namespace PositionManager.Alpaca.Streaming;

/// <summary>The trade stream's log lines: structured, and never the auth message or a key.</summary>
internal static partial class TradeStreamLog
{
    /// <summary>Disconnected 102, Unauthorized 103, MalformedSkipped 104, SinkFailed 105, Stopped 106.</summary>
    public static readonly StreamLog Common = new("Trade stream", firstEventId: 102);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Trade stream listening to trade_updates at {StreamUrl}")]
    public static partial void Listening(ILogger logger, Uri streamUrl);
}
