using PositionManager.Domain.Quotes;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>One call a quote stream made on its sink, in order.</summary>
internal abstract record QuoteSinkEvent
{
    public sealed record Subscribed(IReadOnlySet<string> Symbols) : QuoteSinkEvent;

    public sealed record Disconnected(string Reason) : QuoteSinkEvent;

    public sealed record Quote(MarketQuote Value) : QuoteSinkEvent;
}
