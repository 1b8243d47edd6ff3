using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.Trading;
using PositionManager.Alpaca.Wire;
using PositionManager.Domain.Symbols;

namespace PositionManager.Alpaca.Reference;

/// <summary>
/// <see cref="IMarketCalendar"/> and <see cref="IContractDirectory"/> over Alpaca's trading REST API
/// (live, paper, or the PaperBroker): <c>GET /v2/clock</c>, <c>GET /v2/calendar</c> and
/// <c>GET /v2/options/contracts/{symbol}</c>. The same transport, failure kinds and logging as
/// <see cref="AlpacaBrokerClient"/>; every call is a read.
/// </summary>
public sealed class AlpacaReferenceClient : IMarketCalendar, IContractDirectory
{
    private readonly AlpacaCalls _calls;

    /// <param name="http">Used as is (timeouts, handler).</param>
    /// <param name="settings">Trading host and keys.</param>
    /// <param name="time">The clock of the request budget and of 429 retry times.</param>
    /// <param name="tradingBudget">
    /// The trading client's budget (<see cref="AlpacaBrokerClient.Budget"/>): these are trading-API
    /// requests, counted by Alpaca in the same 200 a minute per account as orders and positions, and
    /// none is on an exit's path, so they yield to exits (<see cref="RequestPriority.Background"/>).
    /// </param>
    /// <param name="logger">Failures are logged here (never keys); none by default.</param>
    public AlpacaReferenceClient(HttpClient http, AlpacaSettings settings, TimeProvider time, RequestBudget tradingBudget, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(tradingBudget);
        Budget = tradingBudget;
        _calls = new AlpacaCalls(new AlpacaTransport(http, settings, time, tradingBudget, priority: RequestPriority.Background), settings, time, logger ?? NullLogger.Instance);
    }

    public RequestBudget Budget { get; }

    public async Task<BrokerResult<BrokerClock>> GetClockAsync(CancellationToken cancellationToken)
    {
        const string path = "v2/clock";
        var answer = await _calls.SendAsync(HttpMethod.Get, path, null, CallKind.Read, cancellationToken).ConfigureAwait(false);
        return answer.Failure ?? _calls.Read(answer.Value!, path, AlpacaJsonContext.Default.ClockJson, ReferenceMapping.ToClock);
    }

    public async Task<BrokerResult<IReadOnlyList<TradingSession>>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"the calendar's end is before its start {ReferenceMapping.WireDate(start)}");
        }

        var path = $"v2/calendar?start={ReferenceMapping.WireDate(start)}&end={ReferenceMapping.WireDate(end)}";
        var answer = await _calls.SendAsync(HttpMethod.Get, path, null, CallKind.Read, cancellationToken).ConfigureAwait(false);
        return answer.Failure ?? _calls.Read(
            answer.Value!, path, AlpacaJsonContext.Default.IReadOnlyListCalendarDayJson,
            days => ReferenceMapping.ToSessions(days, start, end));
    }

    public async Task<BrokerResult<OptionContract?>> GetContractAsync(OptionSymbol symbol, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var path = $"v2/options/contracts/{Uri.EscapeDataString(symbol.Value)}";
        var answer = await _calls.SendAsync(HttpMethod.Get, path, null, CallKind.Read, cancellationToken, notFoundIsAnswer: true).ConfigureAwait(false);
        if (answer.Failure is { } failure)
        {
            return failure;
        }

        // Alpaca: 404 {"code":40410000,"message":"option contract … not found"}.
        if (AlpacaErrors.IsAlpacaNotFound(answer.Value!))
        {
            return BrokerResult<OptionContract?>.Success(null);
        }

        var contract = _calls.Read(answer.Value!, path, AlpacaJsonContext.Default.OptionContractJson, json => ReferenceMapping.ToContract(json, symbol));
        return contract.Failure is { } readFailure ? readFailure : BrokerResult<OptionContract?>.Success(contract.Value);
    }
}
