using System.Collections.Concurrent;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;
using PositionManager.PaperBroker.Accounts;

namespace PositionManager.Simulation.World;

/// <summary>
/// The real Alpaca client, seen from the broker's side: every submit is recorded with what the
/// broker's account held at that instant, before it goes out. Also the test-only seam that plants
/// a bug on the path to the broker (<see cref="PlantedBug"/>); with <see cref="PlantedBug.None"/> it
/// forwards every call unchanged.
/// </summary>
public sealed class RecordingBrokerClient(IBrokerClient inner, PaperAccount account, Func<PlantedBug> bug) : IBrokerClient
{
    // By symbol: a run's log grows with every scenario, and each scenario asks only for its own
    // contracts, many times over while it settles.
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SubmitRecord>> _submits = new(StringComparer.Ordinal);

    /// <summary>What was sent for these symbols, in the order it was sent (for each symbol exactly; across symbols by time).</summary>
    public IReadOnlyList<SubmitRecord> SubmitsOf(IEnumerable<string> symbols) =>
        [.. symbols.Distinct(StringComparer.Ordinal).SelectMany(s => _submits.TryGetValue(s, out var sent) ? sent : Enumerable.Empty<SubmitRecord>()).OrderBy(s => s.At)];

    public Task<BrokerResult<BrokerPositionView?>> GetPositionAsync(string symbol, CancellationToken cancellationToken) =>
        inner.GetPositionAsync(symbol, cancellationToken);

    public async Task<BrokerResult<IReadOnlyList<BrokerPosition>>> ListPositionsAsync(CancellationToken cancellationToken)
    {
        var listed = await inner.ListPositionsAsync(cancellationToken);
        if (bug() == PlantedBug.ReconcilerSellsStock && listed.Value is { } positions)
        {
            foreach (var stock in positions.Where(p => !p.IsOption && p.Quantity > 0))
            {
                Send(stock.Symbol, OrderSide.Sell, PositionIntent.SellToClose, stock.Quantity, $"planted-{Guid.NewGuid():N}"[..20]);
            }
        }

        return listed;
    }

    public async Task<BrokerResult<BrokerOrder>> SubmitOrderAsync(OrderRequest order, CancellationToken cancellationToken)
    {
        var symbol = order.Symbol.Value;
        switch (bug())
        {
            case PlantedBug.DropsTheIntent:
                Send(symbol, order.Side, intent: null, order.Quantity, order.ClientOrderId);
                return await AsSubmitted(order.ClientOrderId, cancellationToken);
            case PlantedBug.SellsOneMore:
                Send(symbol, order.Side, order.Intent, order.Quantity + 1, order.ClientOrderId);
                return await AsSubmitted(order.ClientOrderId, cancellationToken);
            case PlantedBug.SellsAgainWithoutIntent:
                Record(symbol, order.Side, order.Intent, order.Quantity, order.ClientOrderId);
                var sent = await inner.SubmitOrderAsync(order, cancellationToken);
                Send(symbol, order.Side, intent: null, order.Quantity, order.ClientOrderId + "a");
                return sent;
            case PlantedBug.ResubmitsUnderANewId:
                Record(symbol, order.Side, order.Intent, order.Quantity, order.ClientOrderId);
                var first = await inner.SubmitOrderAsync(order, cancellationToken);
                Send(symbol, order.Side, order.Intent, order.Quantity, order.ClientOrderId + "r");
                return first;
            default:
                Record(symbol, order.Side, order.Intent, order.Quantity, order.ClientOrderId);
                return await inner.SubmitOrderAsync(order, cancellationToken);
        }
    }

    public Task<BrokerResult<BrokerOrder?>> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken) =>
        inner.GetOrderByClientOrderIdAsync(clientOrderId, cancellationToken);

    public Task<BrokerResult<IReadOnlyList<BrokerOrder>>> ListOpenOrdersAsync(int limit, CancellationToken cancellationToken) =>
        inner.ListOpenOrdersAsync(limit, cancellationToken);

    public Task<BrokerResult<CancelRequested>> CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken) =>
        inner.CancelOrderAsync(brokerOrderId, cancellationToken);

    private void Record(string symbol, OrderSide side, PositionIntent? intent, decimal quantity, string clientOrderId)
    {
        var held = account.Position(symbol);
        _submits.GetOrAdd(symbol, _ => new ConcurrentQueue<SubmitRecord>()).Enqueue(new SubmitRecord(
            DateTimeOffset.UtcNow,
            clientOrderId,
            symbol,
            side,
            intent,
            quantity,
            held?.Position.Qty ?? 0m,
            held?.QtyAvailable ?? 0m));
    }

    /// <summary>A planted order goes straight into the account, as its wire request would arrive.</summary>
    private void Send(string symbol, OrderSide side, PositionIntent? intent, decimal quantity, string clientOrderId)
    {
        Record(symbol, side, intent, quantity, clientOrderId);
        account.Submit(new OrderSubmission
        {
            Symbol = symbol,
            Qty = quantity,
            Side = side.ToWire(),
            Type = "market",
            TimeInForce = "day",
            ClientOrderId = clientOrderId,
            PositionIntent = intent?.ToWire(),
        });
    }

    private async Task<BrokerResult<BrokerOrder>> AsSubmitted(string clientOrderId, CancellationToken cancellationToken)
    {
        var found = await inner.GetOrderByClientOrderIdAsync(clientOrderId, cancellationToken);
        return found switch
        {
            { Value: { } order } => BrokerResult<BrokerOrder>.Success(order),
            { Failure: { } failure } => BrokerResult<BrokerOrder>.Failed(failure),
            _ => BrokerResult<BrokerOrder>.Failed(new BrokerFailure.Rejected(403, null, "refused by the broker")),
        };
    }
}
