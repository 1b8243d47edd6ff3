using PositionManager.Domain.Quotes;

namespace PositionManager.Alpaca.MarketData.Streaming;

/// <summary>One element of a server message of the options data stream, as far as the client cares.</summary>
internal abstract record QuoteStreamMessage
{
    /// <summary><c>{"T":"success","msg":…}</c>: connected, authenticated.</summary>
    public sealed record Success(string Message) : QuoteStreamMessage;

    /// <summary><c>{"T":"error","code":…,"msg":…}</c>, e.g. 402 auth failed, 405 symbol limit exceeded, 413 star quotes.</summary>
    public sealed record Error(int Code, string Message) : QuoteStreamMessage
    {
        public const int AuthFailed = 402;

        public override string ToString() => $"error {Code} {Message}";
    }

    /// <summary>The quote symbols subscribed after the last subscribe or unsubscribe.</summary>
    public sealed record Subscription(IReadOnlySet<string> Quotes) : QuoteStreamMessage;

    public sealed record Quote(MarketQuote Value) : QuoteStreamMessage;

    /// <summary>Unreadable, or a quote missing what it must carry: logged and skipped, never defaulted.</summary>
    public sealed record Malformed(string Problem) : QuoteStreamMessage;

    /// <summary>Trades and anything else not asked for; ignored.</summary>
    public sealed record Other(string Type) : QuoteStreamMessage;
}
