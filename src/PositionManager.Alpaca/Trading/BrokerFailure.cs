namespace PositionManager.Alpaca.Trading;

/// <summary>
/// Why a broker call did not produce a value. The kinds decide what the caller may do next:
/// only <see cref="Ambiguous"/> leaves an order in an unknown state, and then the order must be
/// looked up by its client_order_id before anything is submitted again.
/// </summary>
public abstract record BrokerFailure(string Message)
{
    /// <summary>The broker refused the request (4xx other than 401/429) with its code and message.</summary>
    public sealed record Rejected(int HttpStatus, int? Code, string Message) : BrokerFailure(Message)
    {
        /// <summary>Alpaca answers 422 when the client_order_id was used before.</summary>
        public bool IsDuplicateClientOrderId =>
            HttpStatus == 422 && Message.Contains("client_order_id", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>HTTP 429: nothing was done; retry the same request at <see cref="RetryAt"/>.</summary>
    public sealed record RateLimited(DateTimeOffset RetryAt, string Message) : BrokerFailure(Message);

    /// <summary>The request certainly had no effect (connection refused, 5xx on a read); retry later.</summary>
    public sealed record Transient(string Message) : BrokerFailure(Message);

    /// <summary>A submit whose outcome is unknown (timeout, dropped connection, 5xx): the order may exist.</summary>
    public sealed record Ambiguous(string Message) : BrokerFailure(Message);

    /// <summary>HTTP 401/403 for the keys: nothing will work until an operator fixes them.</summary>
    public sealed record Unauthorized(int HttpStatus, string Message) : BrokerFailure(Message);

    /// <summary>The broker answered something we cannot read; never turned into a default value.</summary>
    public sealed record Malformed(string Message) : BrokerFailure(Message);
}
