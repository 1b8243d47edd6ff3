using PositionManager.Domain.Orders;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>
/// Every order of the account, by id and by client_order_id. The open ones are also kept apart, in
/// submission order: every submit and position read asks what open orders hold, and scanning every
/// order ever made for that grew with each exit (a tenth of the exit benchmark's CPU at 10,000
/// orders). Not thread-safe: <see cref="PaperAccount"/> serialises access.
/// </summary>
internal sealed class OrderBook
{
    private readonly Dictionary<Guid, PaperOrder> _byId = [];
    private readonly Dictionary<string, Guid> _byClientOrderId = new(StringComparer.Ordinal);
    private readonly List<Guid> _submissionOrder = [];
    private readonly Dictionary<Guid, int> _submissionIndex = [];
    private readonly SortedDictionary<int, Guid> _open = [];
    private readonly Dictionary<string, List<Guid>> _bySymbol = new(StringComparer.Ordinal);

    public bool HasClientOrderId(string clientOrderId) => _byClientOrderId.ContainsKey(clientOrderId);

    public PaperOrder? Find(Guid id) => _byId.GetValueOrDefault(id);

    public PaperOrder? FindByClientOrderId(string clientOrderId) =>
        _byClientOrderId.TryGetValue(clientOrderId, out var id) ? _byId[id] : null;

    public void Add(PaperOrder order)
    {
        _byId.Add(order.Id, order);
        _byClientOrderId.Add(order.ClientOrderId, order.Id);
        _submissionIndex.Add(order.Id, _submissionOrder.Count);
        _submissionOrder.Add(order.Id);
        if (!_bySymbol.TryGetValue(order.Symbol, out var ofSymbol))
        {
            _bySymbol[order.Symbol] = ofSymbol = [];
        }

        ofSymbol.Add(order.Id);
        TrackOpen(order);
    }

    public void Replace(PaperOrder order)
    {
        _byId[order.Id] = order;
        TrackOpen(order);
    }

    /// <summary>Oldest first, the order in which the simulator works them.</summary>
    public IEnumerable<PaperOrder> InSubmissionOrder => _submissionOrder.Select(id => _byId[id]);

    public IEnumerable<PaperOrder> Open => _open.Values.Select(id => _byId[id]);

    /// <summary>Every order in these symbols, oldest first, without scanning the others.</summary>
    public IReadOnlyList<PaperOrder> OfSymbols(IEnumerable<string> symbols) =>
        [.. symbols.Distinct(StringComparer.Ordinal)
            .SelectMany(symbol => _bySymbol.TryGetValue(symbol, out var ids) ? ids : [])
            .OrderBy(id => _submissionIndex[id])
            .Select(id => _byId[id])];

    /// <summary>Alpaca's <c>held_for_orders</c>: what open closing orders already claim of a position.</summary>
    public decimal Reserved(string symbol, OrderSide side) => Open
        .Where(o => o.Symbol == symbol && o.Side == side && o.PositionIntent.IsClosing())
        .Sum(o => o.RemainingQty);

    /// <summary><paramref name="status"/> is open, closed or all; newest first unless <paramref name="ascending"/>.</summary>
    public IReadOnlyList<PaperOrder> List(string status, int limit, bool ascending)
    {
        var selected = status switch
        {
            // Kept apart already, in submission order: no scan of every order ever made.
            "open" => Open,
            "closed" => InSubmissionOrder.Where(o => !o.IsOpen),
            _ => InSubmissionOrder,
        };
        return [.. (ascending ? selected : selected.Reverse()).Take(limit)];
    }

    /// <summary>The order if it can still be canceled, else Alpaca's refusal (404 unknown, 422 already final).</summary>
    public (PaperOrder? Order, BrokerError? Error) Cancelable(Guid id) => Find(id) switch
    {
        null => (null, BrokerError.NotFound("order not found")),
        { IsOpen: false } done => (null, new BrokerError(422, 42210000, $"order is already in \"{done.Status}\" state")),
        var open => (open, null),
    };

    public void Clear()
    {
        _byId.Clear();
        _byClientOrderId.Clear();
        _submissionOrder.Clear();
        _bySymbol.Clear();
        _submissionIndex.Clear();
        _open.Clear();
    }

    private void TrackOpen(PaperOrder order)
    {
        var index = _submissionIndex[order.Id];
        if (order.IsOpen)
        {
            _open[index] = order.Id;
        }
        else
        {
            _open.Remove(index);
        }
    }
}
