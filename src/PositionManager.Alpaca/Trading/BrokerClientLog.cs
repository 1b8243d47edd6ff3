using Microsoft.Extensions.Logging;

namespace PositionManager.Alpaca.Trading;

/// <summary>The broker client's log lines: structured, and never a header, key or request body.</summary>
internal static partial class BrokerClientLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Alpaca {Path} failed: {FailureKind} {Reason}")]
    public static partial void CallFailed(ILogger logger, string path, string failureKind, string reason);
}
