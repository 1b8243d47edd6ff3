using System.Text.Json.Serialization;

namespace PositionManager.Domain.Positions;

/// <summary>What became of an exit's order, as the gateway or the trade stream reports it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Submitted), "submitted")]
[JsonDerivedType(typeof(Rejected), "rejected")]
[JsonDerivedType(typeof(Fill), "fill")]
[JsonDerivedType(typeof(Ended), "ended")]
public abstract record OrderOutcome(int ExitSequence)
{
    public sealed record Submitted(int ExitSequence, string ClientOrderId, string BrokerOrderId) : OrderOutcome(ExitSequence);

    public sealed record Rejected(int ExitSequence, string Reason) : OrderOutcome(ExitSequence);

    /// <summary>A fill report; quantities are cumulative for the order so a duplicate is harmless.</summary>
    public sealed record Fill(int ExitSequence, int CumulativeFilledQuantity, decimal AveragePrice, bool OrderComplete) : OrderOutcome(ExitSequence);

    public sealed record Ended(int ExitSequence, string Status) : OrderOutcome(ExitSequence);
}
