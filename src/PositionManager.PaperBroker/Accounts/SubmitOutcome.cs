namespace PositionManager.PaperBroker.Accounts;

/// <summary>The answer to a submission: the order as accepted, or Alpaca's refusal.</summary>
public sealed record SubmitOutcome(PaperOrder? Order, BrokerError? Error)
{
    public static SubmitOutcome Accepted(PaperOrder order) => new(order, null);

    public static SubmitOutcome Refused(BrokerError error) => new(null, error);
}
