namespace PositionManager.PaperBroker.Accounts;

/// <summary>
/// A refusal as Alpaca answers it: HTTP status plus the <c>{"code","message"}</c> body. Expected
/// failures travel as this value; exceptions are for bugs.
/// </summary>
public sealed record BrokerError(int HttpStatus, int Code, string Message)
{
    /// <summary>422 40010001: Alpaca's code for an invalid field (also duplicate client_order_id).</summary>
    public static BrokerError Invalid(string message) => new(422, 40010001, message);

    /// <summary>403 40310000: insufficient quantity or buying power, intent mismatch.</summary>
    public static BrokerError Forbidden(string message) => new(403, 40310000, message);

    public static BrokerError NotFound(string message) => new(404, 40410000, message);

    public static BrokerError Malformed(string message) => new(400, 40010000, message);
}
