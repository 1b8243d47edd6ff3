using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.Wire;
using PositionManager.Domain.Orders;

namespace PositionManager.Alpaca.Trading;

/// <summary>
/// <see cref="IBrokerClient"/> over Alpaca's trading REST API (live, paper, or the PaperBroker).
/// Every failure is a typed value; cancellation of the caller's token is the one exception.
/// Answers are checked, not trusted: an order or position for another id or symbol than asked is
/// Malformed, as is any missing field.
/// </summary>
public sealed class AlpacaBrokerClient : IBrokerClient
{
    /// <summary>Alpaca's maximum page size for order lists.</summary>
    public const int MaxOrdersPerPage = 500;

    private readonly AlpacaCalls _calls;
    private readonly HttpClient _http;
    private readonly AlpacaSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="http">Used as is (timeouts, handler); no base address or default headers needed.</param>
    /// <param name="settings">Trading host and keys.</param>
    /// <param name="time">The clock of the request budget and of 429 retry times.</param>
    /// <param name="logger">Failures are logged here (never keys); none by default.</param>
    /// <param name="budget">The request budget; 200 per minute on <paramref name="time"/> by default. Share one per account.</param>
    /// <param name="priority">Urgent (the gateway's, on an exit's path) unless this client's reads can wait (see <see cref="Yielding"/>).</param>
    public AlpacaBrokerClient(HttpClient http, AlpacaSettings settings, TimeProvider time, ILogger? logger = null, RequestBudget? budget = null, RequestPriority priority = RequestPriority.Urgent)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        _http = http;
        _settings = settings;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        Budget = budget ?? new RequestBudget(time);
        Priority = priority;
        _calls = new AlpacaCalls(new AlpacaTransport(http, settings, time, Budget, priority: priority), settings, time, _logger);
    }

    public RequestBudget Budget { get; }

    public RequestPriority Priority { get; }

    /// <summary>
    /// The same account and budget for reads that can wait out a burst of exits (the reconciler's):
    /// each waits while the gateway's requests are waiting or flowing (<see cref="RequestBudget"/>).
    /// </summary>
    public AlpacaBrokerClient Yielding() => new(_http, _settings, _time, _logger, Budget, RequestPriority.Background);

    public async Task<BrokerResult<BrokerPositionView?>> GetPositionAsync(string symbol, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var path = $"v2/positions/{Uri.EscapeDataString(symbol)}";
        var answer = await SendAsync(HttpMethod.Get, path, null, CallKind.Read, cancellationToken, notFoundIsAnswer: true).ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            return failure;
        }

        if (AlpacaErrors.IsAlpacaNotFound(answer.Value!))
        {
            return BrokerResult<BrokerPositionView?>.Success(null);
        }

        var position = Read(answer.Value!, path, AlpacaJsonContext.Default.PositionJson, WireMapping.ToPosition);
        if (position.Failure is { } readFailure)
        {
            return readFailure;
        }

        return position.Value!.Symbol == symbol
            ? BrokerResult<BrokerPositionView?>.Success(position.Value.ToView())
            : Fail(path, new BrokerFailure.Malformed($"asked for the position in {symbol}, got {position.Value.Symbol}"));
    }

    public async Task<BrokerResult<IReadOnlyList<BrokerPosition>>> ListPositionsAsync(CancellationToken cancellationToken)
    {
        const string path = "v2/positions";
        var answer = await SendAsync(HttpMethod.Get, path, null, CallKind.Read, cancellationToken).ConfigureAwait(false);
        return answer.Failure ?? Read(
            answer.Value!, path, AlpacaJsonContext.Default.IReadOnlyListPositionJson,
            list => WireMapping.ToList(list, WireMapping.ToPosition, "positions"));
    }

    /// <remarks>
    /// A 2xx whose body cannot be read is Malformed, yet the order was accepted: like after an
    /// Ambiguous failure, look it up by client_order_id before anything is sent again.
    /// </remarks>
    public async Task<BrokerResult<BrokerOrder>> SubmitOrderAsync(OrderRequest order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        const string path = "v2/orders";
        var body = JsonSerializer.SerializeToUtf8Bytes(SubmitOrderJson.From(order), AlpacaJsonContext.Default.SubmitOrderJson);
        var answer = await SendAsync(HttpMethod.Post, path, body, CallKind.Submit, cancellationToken).ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            return failure;
        }

        var placed = Read(answer.Value!, path, AlpacaJsonContext.Default.OrderJson, WireMapping.ToOrder);
        if (placed.Failure is not null || (placed.Value!.ClientOrderId == order.ClientOrderId && placed.Value.Symbol == order.Symbol.Value))
        {
            return placed;
        }

        return Fail(path, new BrokerFailure.Malformed(
            $"submitted {order.ClientOrderId} for {order.Symbol}, the answer is order {placed.Value.Id} ({placed.Value.ClientOrderId}) for {placed.Value.Symbol}"));
    }

    public async Task<BrokerResult<BrokerOrder?>> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        var path = $"v2/orders:by_client_order_id?client_order_id={Uri.EscapeDataString(clientOrderId)}";
        var answer = await SendAsync(HttpMethod.Get, path, null, CallKind.Read, cancellationToken, notFoundIsAnswer: true).ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            return failure;
        }

        if (AlpacaErrors.IsAlpacaNotFound(answer.Value!))
        {
            return BrokerResult<BrokerOrder?>.Success(null);
        }

        var found = Read(answer.Value!, path, AlpacaJsonContext.Default.OrderJson, WireMapping.ToOrder);
        if (found.Failure is { } readFailure)
        {
            return readFailure;
        }

        return found.Value!.ClientOrderId == clientOrderId
            ? BrokerResult<BrokerOrder?>.Success(found.Value)
            : Fail(path, new BrokerFailure.Malformed($"asked for client_order_id {clientOrderId}, got {found.Value.ClientOrderId}"));
    }

    public async Task<BrokerResult<CancelRequested>> CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(brokerOrderId);
        var path = $"v2/orders/{Uri.EscapeDataString(brokerOrderId)}";
        var answer = await SendAsync(HttpMethod.Delete, path, null, CallKind.Cancel, cancellationToken).ConfigureAwait(false);
        return answer.Failure ?? BrokerResult<CancelRequested>.Success(new CancelRequested(brokerOrderId));
    }

    public async Task<BrokerResult<IReadOnlyList<BrokerOrder>>> ListOpenOrdersAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxOrdersPerPage);
        var path = string.Create(CultureInfo.InvariantCulture, $"v2/orders?status=open&limit={limit}&direction=desc");
        var answer = await SendAsync(HttpMethod.Get, path, null, CallKind.Read, cancellationToken).ConfigureAwait(false);
        return answer.Failure ?? Read(
            answer.Value!, path, AlpacaJsonContext.Default.IReadOnlyListOrderJson,
            list => WireMapping.ToList(list, WireMapping.ToOrder, "orders"));
    }

    private Task<BrokerResult<HttpAnswer>> SendAsync(HttpMethod method, string path, byte[]? body, CallKind kind, CancellationToken cancellationToken, bool notFoundIsAnswer = false) =>
        _calls.SendAsync(method, path, body, kind, cancellationToken, notFoundIsAnswer);

    private BrokerResult<TValue> Read<TJson, TValue>(HttpAnswer answer, string path, JsonTypeInfo<TJson> type, Func<TJson?, BrokerResult<TValue>> map) =>
        _calls.Read(answer, path, type, map);

    private BrokerFailure Fail(string path, BrokerFailure failure) => _calls.Fail(path, failure);
}
