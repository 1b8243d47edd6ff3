using System.Collections.Concurrent;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// The real Alpaca client, between the gateway and its PaperBroker: records every call that reaches
/// the broker, in order, and holds the submits of the given client_order_ids until the test releases
/// each, so that the test can change the world at a known point between a read and a submit.
/// </summary>
public sealed class HoldingBroker(IBrokerClient inner, params string[] holdSubmitsOf) : IBrokerClient
{
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly Dictionary<string, (TaskCompletionSource Reached, TaskCompletionSource Released)> _holds =
        holdSubmitsOf.ToDictionary(
            id => id,
            _ => NewHold(),
            StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, (TaskCompletionSource Reached, TaskCompletionSource Released)> _heldAnswers = new(StringComparer.Ordinal);
    private int _failedLookups;

    /// <summary>While true, every lookup by client_order_id fails as a transient error, without reaching the broker.</summary>
    public bool FailLookups { get; set; }

    public int FailedLookups => Volatile.Read(ref _failedLookups);

    /// <summary>The submit of <paramref name="clientOrderId"/> reaches the broker, but its answer waits for <see cref="ReleaseAnswer"/>.</summary>
    public void HoldAnswerOf(string clientOrderId) => _heldAnswers[clientOrderId] = NewHold();

    /// <summary>True once the broker has answered the submit of <paramref name="clientOrderId"/> and the answer is held here.</summary>
    public bool IsHoldingAnswer(string clientOrderId) => _heldAnswers[clientOrderId].Reached.Task.IsCompleted;

    public void ReleaseAnswer(string clientOrderId) => _heldAnswers[clientOrderId].Released.TrySetResult();

    /// <summary>"position &lt;symbol&gt;", "positions", "submit &lt;id&gt;", "lookup &lt;id&gt;", "open orders", "cancel &lt;broker order id&gt;".</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>True once the submit of <paramref name="clientOrderId"/> is held here (after every call before it).</summary>
    public bool IsHolding(string clientOrderId) => _holds[clientOrderId].Reached.Task.IsCompleted;

    public void Release(string clientOrderId) => _holds[clientOrderId].Released.TrySetResult();

    public Task<BrokerResult<BrokerPositionView?>> GetPositionAsync(string symbol, CancellationToken cancellationToken)
    {
        _calls.Enqueue($"position {symbol}");
        return inner.GetPositionAsync(symbol, cancellationToken);
    }

    public Task<BrokerResult<IReadOnlyList<BrokerPosition>>> ListPositionsAsync(CancellationToken cancellationToken)
    {
        _calls.Enqueue("positions");
        return inner.ListPositionsAsync(cancellationToken);
    }

    public async Task<BrokerResult<BrokerOrder>> SubmitOrderAsync(OrderRequest order, CancellationToken cancellationToken)
    {
        if (_holds.TryGetValue(order.ClientOrderId, out var hold))
        {
            hold.Reached.TrySetResult();
            await hold.Released.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        _calls.Enqueue($"submit {order.ClientOrderId}");
        var answer = await inner.SubmitOrderAsync(order, cancellationToken).ConfigureAwait(false);
        if (_heldAnswers.TryGetValue(order.ClientOrderId, out var held))
        {
            held.Reached.TrySetResult();
            await held.Released.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return answer;
    }

    public Task<BrokerResult<BrokerOrder?>> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        _calls.Enqueue($"lookup {clientOrderId}");
        if (FailLookups)
        {
            Interlocked.Increment(ref _failedLookups);
            return Task.FromResult<BrokerResult<BrokerOrder?>>(new BrokerFailure.Transient("lookups fail (test)"));
        }

        return inner.GetOrderByClientOrderIdAsync(clientOrderId, cancellationToken);
    }

    public Task<BrokerResult<IReadOnlyList<BrokerOrder>>> ListOpenOrdersAsync(int limit, CancellationToken cancellationToken)
    {
        _calls.Enqueue("open orders");
        return inner.ListOpenOrdersAsync(limit, cancellationToken);
    }

    public Task<BrokerResult<CancelRequested>> CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken)
    {
        _calls.Enqueue($"cancel {brokerOrderId}");
        return inner.CancelOrderAsync(brokerOrderId, cancellationToken);
    }

    private static (TaskCompletionSource Reached, TaskCompletionSource Released) NewHold() =>
        (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
