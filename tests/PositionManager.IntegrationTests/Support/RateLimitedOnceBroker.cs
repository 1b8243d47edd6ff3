using System.Collections.Concurrent;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;
using PositionManager.PaperBroker.Faults;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// The real Alpaca client, between the gateway and its PaperBroker: the gateway's first submit is
/// answered 429 by the broker itself (its fault injection is armed right before that request, and
/// no other request is in flight then), and every call that reaches the broker is recorded in
/// order. One moment can be held until the test releases it, so that the test changes the world
/// (halts the gateway, sells the position) at a known point between the 429 and the retry:
/// <see cref="Hold.The429"/> holds the 429 before the gateway hears it; <see cref="Hold.TheRetry"/>
/// holds every call the gateway makes after the 429, before it reaches the broker.
/// </summary>
public sealed class RateLimitedOnceBroker(IBrokerClient inner, FaultInjector faults, RateLimitedOnceBroker.Hold hold = RateLimitedOnceBroker.Hold.Nothing)
    : IBrokerClient
{
    public enum Hold
    {
        Nothing,
        The429,
        TheRetry,
    }

    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _calls = new();
    private int _submits;
    private int _lookupsToFail;
    private volatile bool _rateLimited;

    /// <summary>The calls that reached the broker, in order: "position", "submit &lt;id&gt;", "lookup &lt;id&gt;", ...</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>The broker's answer to the first submit, once it came.</summary>
    public BrokerFailure? FirstSubmitFailure { get; private set; }

    /// <summary>True once the held moment is reached (and waits for <see cref="Release"/>).</summary>
    public bool IsHolding => _holding.Task.IsCompleted;

    public void Release() => _released.TrySetResult();

    /// <summary>The next <paramref name="count"/> lookups by client_order_id after the 429 are answered 500 by the broker.</summary>
    public void FailLookupsAfterThe429(int count) => _lookupsToFail = count;

    public async Task<BrokerResult<BrokerPositionView?>> GetPositionAsync(string symbol, CancellationToken cancellationToken)
    {
        await HoldIfRetryingAsync(cancellationToken).ConfigureAwait(false);
        _calls.Enqueue("position");
        return await inner.GetPositionAsync(symbol, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BrokerResult<IReadOnlyList<BrokerPosition>>> ListPositionsAsync(CancellationToken cancellationToken)
    {
        await HoldIfRetryingAsync(cancellationToken).ConfigureAwait(false);
        _calls.Enqueue("positions");
        return await inner.ListPositionsAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<BrokerResult<BrokerOrder>> SubmitOrderAsync(OrderRequest order, CancellationToken cancellationToken)
    {
        await HoldIfRetryingAsync(cancellationToken).ConfigureAwait(false);
        _calls.Enqueue($"submit {order.ClientOrderId}");
        var first = Interlocked.Increment(ref _submits) == 1;
        if (first)
        {
            faults.FailNextWithRateLimit(1);
        }

        var answer = await inner.SubmitOrderAsync(order, cancellationToken).ConfigureAwait(false);
        if (!first)
        {
            return answer;
        }

        FirstSubmitFailure = answer.Failure;
        if (hold == Hold.The429)
        {
            await HoldHereAsync(cancellationToken).ConfigureAwait(false);
        }

        _rateLimited = true;
        return answer;
    }

    public async Task<BrokerResult<BrokerOrder?>> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        await HoldIfRetryingAsync(cancellationToken).ConfigureAwait(false);
        _calls.Enqueue($"lookup {clientOrderId}");
        if (_rateLimited && Interlocked.Decrement(ref _lookupsToFail) >= 0)
        {
            faults.FailNextWithServerError(1);
        }

        return await inner.GetOrderByClientOrderIdAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BrokerResult<IReadOnlyList<BrokerOrder>>> ListOpenOrdersAsync(int limit, CancellationToken cancellationToken)
    {
        await HoldIfRetryingAsync(cancellationToken).ConfigureAwait(false);
        _calls.Enqueue("open orders");
        return await inner.ListOpenOrdersAsync(limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BrokerResult<CancelRequested>> CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken)
    {
        await HoldIfRetryingAsync(cancellationToken).ConfigureAwait(false);
        _calls.Enqueue($"cancel {brokerOrderId}");
        return await inner.CancelOrderAsync(brokerOrderId, cancellationToken).ConfigureAwait(false);
    }

    private Task HoldIfRetryingAsync(CancellationToken cancellationToken) =>
        hold == Hold.TheRetry && _rateLimited ? HoldHereAsync(cancellationToken) : Task.CompletedTask;

    private Task HoldHereAsync(CancellationToken cancellationToken)
    {
        _holding.TrySetResult();
        return _released.Task.WaitAsync(cancellationToken);
    }
}
