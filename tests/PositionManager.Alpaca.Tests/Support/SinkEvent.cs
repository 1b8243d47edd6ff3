using PositionManager.Alpaca.Streaming;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>One call a trade stream made on its sink, in order.</summary>
internal abstract record SinkEvent
{
    public sealed record Listening : SinkEvent;

    public sealed record Disconnected(string Reason) : SinkEvent;

    public sealed record Update(TradeUpdate Value) : SinkEvent;
}
