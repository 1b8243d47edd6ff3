using Microsoft.Extensions.Logging;
using PositionManager.Alpaca.Streaming;

namespace PositionManager.Alpaca.MarketData.Streaming;

/// <summary>The quote stream's log lines: structured, and never the auth message or a key.</summary>
internal static partial class QuoteStreamLog
{
    /// <summary>Disconnected 122, Unauthorized 123, MalformedSkipped 124, SinkFailed 125, Stopped 126.</summary>
    public static readonly StreamLog Common = new("Quote stream", firstEventId: 122);

    [LoggerMessage(EventId = 121, Level = LogLevel.Information, Message = "Quote stream authenticated at {StreamUrl}")]
    public static partial void Connected(ILogger logger, Uri streamUrl);

    [LoggerMessage(EventId = 127, Level = LogLevel.Warning, Message = "Quote stream answered {Error}; the symbols it does not stream are polled")]
    public static partial void ServerError(ILogger logger, string error);

    [LoggerMessage(EventId = 128, Level = LogLevel.Debug, Message = "Quote stream subscribed to {Symbols} contracts")]
    public static partial void Subscribed(ILogger logger, int symbols);
}
