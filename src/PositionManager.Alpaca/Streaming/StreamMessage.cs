namespace PositionManager.Alpaca.Streaming;

/// <summary>One message of the trade-updates stream, as far as the stream's state machine cares.</summary>
internal abstract record StreamMessage
{
    public sealed record Authorization(bool Authorized, string Status) : StreamMessage;

    public sealed record Listening(IReadOnlyList<string> Streams) : StreamMessage;

    public sealed record Update(TradeUpdate Value) : StreamMessage;

    /// <summary><c>{"action":"error"}</c>: the server closes after it.</summary>
    public sealed record Error(string Message) : StreamMessage;

    /// <summary>Unreadable, or a trade update missing what it must carry: logged and skipped.</summary>
    public sealed record Malformed(string Problem) : StreamMessage;

    /// <summary>A stream we did not ask for; ignored.</summary>
    public sealed record Other(string Stream) : StreamMessage;
}
