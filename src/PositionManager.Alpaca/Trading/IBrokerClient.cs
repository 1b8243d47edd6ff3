using PositionManager.Domain.Orders;

namespace PositionManager.Alpaca.Trading;

/// <summary>
/// The broker's trading API as the gateway and the reconciler need it. Every call answers a
/// <see cref="BrokerResult{T}"/>: failures are typed values, never exceptions, so the caller must
/// decide what an ambiguous submit or a rate limit means before it can go on.
/// Only <see cref="SubmitOrderAsync"/> trades, and it accepts only an <see cref="OrderRequest"/>,
/// which nothing but <see cref="OrderRules"/> can create.
/// </summary>
public interface IBrokerClient
{
    /// <summary>The broker's position in exactly this symbol; <c>null</c> value when it holds none (404).</summary>
    Task<BrokerResult<BrokerPositionView?>> GetPositionAsync(string symbol, CancellationToken cancellationToken);

    /// <summary>Every position the account holds, options and stock alike.</summary>
    Task<BrokerResult<IReadOnlyList<BrokerPosition>>> ListPositionsAsync(CancellationToken cancellationToken);

    Task<BrokerResult<BrokerOrder>> SubmitOrderAsync(OrderRequest order, CancellationToken cancellationToken);

    /// <summary>The order with this client_order_id; <c>null</c> value when the broker has none (404).</summary>
    Task<BrokerResult<BrokerOrder?>> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the broker to cancel the order with this broker id (<c>DELETE /v2/orders/{id}</c>); 204 is
    /// the value. Accepted is not ended: the order goes pending_cancel, then canceled, and what
    /// filled meanwhile stays filled; its end arrives on the trade stream or a poll like any other.
    /// An order no longer cancelable (filled, canceled, expired) is Rejected 422, an unknown one 404.
    /// A cancel never creates an order, so it needs no OrderRequest.
    /// </summary>
    Task<BrokerResult<CancelRequested>> CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken);

    /// <summary>Open orders (status=open), newest first, at most <paramref name="limit"/>.</summary>
    Task<BrokerResult<IReadOnlyList<BrokerOrder>>> ListOpenOrdersAsync(int limit, CancellationToken cancellationToken);
}
