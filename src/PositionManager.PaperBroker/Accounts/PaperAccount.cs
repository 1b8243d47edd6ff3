using Microsoft.Extensions.Logging;
using PositionManager.Domain.Orders;
using PositionManager.PaperBroker.Faults;
using PositionManager.PaperBroker.Market;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>
/// The simulated Alpaca account: admission as Alpaca admits (shape, intent inference, quantity,
/// buying power), fills driven by the market simulator, and a trade update for every change.
/// One lock serialises everything, so the account is consistent however many clients call it.
/// </summary>
public sealed class PaperAccount
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly MarketSimulator _market;
    private readonly FillSettings _fills;
    private readonly FaultInjector _faults;
    private readonly Action<TradeUpdate> _publish;
    private readonly ILogger _logger;
    private readonly PositionBook _positions;
    private readonly OrderBook _orders = new();
    private readonly FillEngine _fillEngine;
    private readonly OrderAdmission _admission;
    private long _eventId;

    public PaperAccount(
        TimeProvider time,
        MarketSimulator market,
        FillSettings fills,
        FaultInjector faults,
        Action<TradeUpdate> publish,
        ILogger<PaperAccount> logger,
        decimal startingCash)
    {
        _time = time;
        _market = market;
        _fills = fills;
        _faults = faults;
        _publish = publish;
        _logger = logger;
        _positions = new PositionBook(startingCash);
        CreatedAt = time.GetUtcNow();
        _fillEngine = new FillEngine(_positions, _orders, market, fills, Publish, logger);
        _admission = new OrderAdmission(_positions, _orders, market, Balances);
    }

    public Guid Id { get; } = AssetIds.For("paper-account");

    public string AccountNumber { get; } = "PA3PAPER0001";

    public DateTimeOffset CreatedAt { get; }

    public SubmitOutcome Submit(OrderSubmission submission)
    {
        var (terms, shapeError) = OrderShapeRules.Check(submission);
        if (terms is null)
        {
            return Refuse(submission, shapeError!);
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_admission.Check(terms, now, out var intent) is { } refusal)
            {
                return Refuse(submission, refusal);
            }

            var rejected = _faults.TryTakeReject(out var rejectKind, out var rejectMessage);
            if (rejected && rejectKind == RejectionKind.Http)
            {
                return Refuse(submission, BrokerError.Forbidden(rejectMessage));
            }

            var order = terms.ToOrder(intent, now, _fills.FillDelay) with
            {
                Status = rejected ? OrderStatuses.Rejected : OrderStatuses.New,
                FailedAt = rejected ? now : null,
            };
            _orders.Add(order);
            Publish(rejected ? "rejected" : "new", order, now);
            _logger.LogInformation(
                "Order {OrderId} {ClientOrderId} {Side} {Qty} {Symbol} {Status} as {PositionIntent}",
                order.Id, order.ClientOrderId, terms.Side.ToWire(), terms.Qty, order.Symbol, order.Status, intent.ToWire());

            if (!rejected && _fills.FillDelay <= TimeSpan.Zero)
            {
                _fillEngine.TryFill(order, now);
            }

            // The answer shows the order as accepted, before any fill: like Alpaca, a client must
            // learn of fills from the stream or a later GET.
            return SubmitOutcome.Accepted(order);
        }
    }

    public PaperOrder? FindOrder(Guid id)
    {
        lock (_gate)
        {
            return _orders.Find(id);
        }
    }

    public PaperOrder? FindByClientOrderId(string clientOrderId)
    {
        lock (_gate)
        {
            return _orders.FindByClientOrderId(clientOrderId);
        }
    }

    /// <summary>Newest first, as Alpaca lists by default. <paramref name="status"/> is open, closed or all.</summary>
    public IReadOnlyList<PaperOrder> ListOrders(string status, int limit, bool ascending = false)
    {
        lock (_gate)
        {
            return _orders.List(status, limit, ascending);
        }
    }

    /// <summary>Every order in these symbols, oldest first (a test's view; Alpaca lists by status, not by symbol).</summary>
    public IReadOnlyList<PaperOrder> OrdersOf(IEnumerable<string> symbols)
    {
        lock (_gate)
        {
            return _orders.OfSymbols(symbols);
        }
    }

    /// <summary>Cancels an open order; null when done (Alpaca answers 204).</summary>
    public BrokerError? Cancel(Guid id)
    {
        lock (_gate)
        {
            var (order, error) = _orders.Cancelable(id);
            if (order is null)
            {
                return error;
            }

            var now = _time.GetUtcNow();
            var canceled = order with { Status = OrderStatuses.Canceled, CanceledAt = now, UpdatedAt = now };
            _orders.Replace(canceled);
            Publish("canceled", canceled, now);
            return null;
        }
    }

    public IReadOnlyList<PositionView> Positions()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return [.. _positions.All.Select(p => View(p, now))];
        }
    }

    /// <summary>One position by symbol or asset_id; null when the account holds none.</summary>
    public PositionView? Position(string symbolOrAssetId)
    {
        lock (_gate)
        {
            var position = _positions.Find(symbolOrAssetId)
                ?? (Guid.TryParse(symbolOrAssetId, out var assetId) ? _positions.All.FirstOrDefault(p => p.AssetId == assetId) : null);
            return position is null ? null : View(position, _time.GetUtcNow());
        }
    }

    /// <summary>Whether the account holds a position in exactly this symbol.</summary>
    public bool Holds(string symbol)
    {
        lock (_gate)
        {
            return _positions.Find(symbol) is not null;
        }
    }

    public IReadOnlyList<string> HeldSymbols()
    {
        lock (_gate)
        {
            return [.. _positions.All.Select(p => p.Symbol)];
        }
    }

    public AccountView Balances()
    {
        lock (_gate)
        {
            var values = Positions().Select(p => p.MarketValue).ToList();
            return new AccountView(Id, AccountNumber, CreatedAt, _positions.Cash, values.Where(v => v > 0).Sum(), values.Where(v => v < 0).Sum());
        }
    }

    /// <summary>Works every open order whose fill time has come (at most one fill step each); returns the fills made.</summary>
    public int Pump()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var due = _orders.Open.Where(o => o.NextFillAt <= now).ToList();
            return due.Count(order => _fillEngine.TryFill(order, now));
        }
    }

    /// <summary>What the close does to day orders: they expire. Returns how many expired.</summary>
    public int ExpireDayOrders()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var day = _orders.Open.Where(o => o.TimeInForce == "day").ToList();
            foreach (var order in day)
            {
                var expired = order with { Status = OrderStatuses.Expired, ExpiredAt = now, UpdatedAt = now };
                _orders.Replace(expired);
                Publish("expired", expired, now);
            }

            return day.Count;
        }
    }

    /// <summary>Sets a position outright (signed qty; 0 removes it), for demos and tests.</summary>
    public void SeedPosition(string symbol, decimal qty, decimal avgEntryPrice)
    {
        var (terms, error) = OrderShapeRules.Check(new OrderSubmission { Symbol = symbol, Qty = Math.Max(1, Math.Abs(qty)), Side = "buy", Type = "market", TimeInForce = "day" });
        if (terms is null)
        {
            throw new ArgumentException($"cannot seed '{symbol}': {error!.Message}", nameof(symbol));
        }

        lock (_gate)
        {
            _positions.Set(symbol, terms.AssetClass, qty, avgEntryPrice);
        }
    }

    /// <summary>A flat account with no orders and the given cash.</summary>
    public void Reset(decimal cash)
    {
        lock (_gate)
        {
            _positions.Reset(cash);
            _orders.Clear();
        }
    }

    private PositionView View(PaperPosition position, DateTimeOffset now)
    {
        var closingSide = position.Qty > 0 ? OrderSide.Sell : OrderSide.Buy;
        return _positions.View(position, _orders.Reserved(position.Symbol, closingSide), _market, now);
    }

    internal void Publish(string @event, PaperOrder order, DateTimeOffset now, decimal? price = null, decimal? qty = null, decimal? positionQty = null, string? executionId = null) =>
        _publish(new TradeUpdate(++_eventId, @event, now, order, price, qty, positionQty, executionId));

    private SubmitOutcome Refuse(OrderSubmission submission, BrokerError error)
    {
        _logger.LogInformation(
            "Order {ClientOrderId} {Side} {Qty} {Symbol} refused with {HttpStatus} {Code}: {Reason}",
            submission.ClientOrderId, submission.Side, submission.Qty, submission.Symbol, error.HttpStatus, error.Code, error.Message);
        return SubmitOutcome.Refused(error);
    }
}
