namespace PositionManager.PaperBroker.Accounts;

/// <summary>Alpaca's order <c>status</c> values this simulator produces (canceled with one L).</summary>
public static class OrderStatuses
{
    public const string New = "new";
    public const string Accepted = "accepted";
    public const string PartiallyFilled = "partially_filled";
    public const string Filled = "filled";
    public const string Canceled = "canceled";
    public const string Expired = "expired";
    public const string Rejected = "rejected";

    public static bool IsTerminal(string status) =>
        status is Filled or Canceled or Expired or Rejected or "replaced" or "done_for_day";
}
