namespace PositionManager.PaperBroker.QuoteStream;

/// <summary>One client message of the options data stream: <c>auth</c>, <c>subscribe</c> or <c>unsubscribe</c>.</summary>
/// <param name="Action">As sent; null when the message was not a map with an <c>action</c> string.</param>
public sealed record QuoteStreamCommand(string? Action, string? Key, string? Secret, IReadOnlyList<string> Quotes, IReadOnlyList<string> Trades)
{
    public static QuoteStreamCommand Unreadable { get; } = new(null, null, null, [], []);
}
