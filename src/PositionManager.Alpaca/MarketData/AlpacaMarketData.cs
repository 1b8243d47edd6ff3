using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.MarketData.Wire;
using PositionManager.Alpaca.Trading;
using PositionManager.Alpaca.Wire;
using PositionManager.Domain.Quotes;
using PositionManager.Domain.Symbols;

namespace PositionManager.Alpaca.MarketData;

/// <summary>
/// <see cref="IMarketData"/> over Alpaca's options data REST API (<see cref="AlpacaSettings.DataBaseUrl"/>),
/// or the PaperBroker's copy of it. Asks in batches of at most <see cref="MaxSymbolsPerRequest"/>
/// symbols (Alpaca's limit), with the same keys, transport and failure kinds as the trading client.
/// </summary>
public sealed class AlpacaMarketData : IMarketData
{
    /// <summary>Alpaca answers more symbols than this in one request with 400.</summary>
    public const int MaxSymbolsPerRequest = 100;

    private readonly AlpacaTransport _transport;
    private readonly AlpacaSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="http">Used as is (timeouts, handler).</param>
    /// <param name="settings">Data host and keys.</param>
    /// <param name="time">The clock of the request budget.</param>
    /// <param name="logger">Failures are logged here (never keys); none by default.</param>
    /// <param name="budget">
    /// Requests per minute; 200 by default. Alpaca counts data requests apart from trading ones, so
    /// this is not the trading client's budget unless the host is one server for both.
    /// </param>
    /// <param name="feed">Which options feed to ask; the free indicative one by default.</param>
    public AlpacaMarketData(HttpClient http, AlpacaSettings settings, TimeProvider time, ILogger? logger = null, RequestBudget? budget = null, OptionsFeed feed = OptionsFeed.Indicative)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        _settings = settings;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        Feed = feed;
        Budget = budget ?? new RequestBudget(time);
        _transport = new AlpacaTransport(http, settings, time, Budget, settings.DataBaseUrl);
    }

    public OptionsFeed Feed { get; }

    public RequestBudget Budget { get; }

    public Task<BrokerResult<IReadOnlyDictionary<string, MarketQuote>>> GetLatestQuotesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
        FetchAsync(symbols, "quotes", MarketDataJsonContext.Default.LatestQuotesJson, MarketDataMapping.ToQuotes, cancellationToken);

    public Task<BrokerResult<IReadOnlyDictionary<string, OptionTrade>>> GetLatestTradesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
        FetchAsync(symbols, "trades", MarketDataJsonContext.Default.LatestTradesJson, MarketDataMapping.ToTrades, cancellationToken);

    /// <summary>Every batch at once (the budget paces them); the first failure fails the call.</summary>
    private async Task<BrokerResult<IReadOnlyDictionary<string, T>>> FetchAsync<TJson, T>(
        IReadOnlyCollection<string> symbols,
        string kind,
        JsonTypeInfo<TJson> type,
        Func<TJson?, IReadOnlySet<string>, BrokerResult<IReadOnlyDictionary<string, T>>> map,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var distinct = symbols.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var symbol in distinct)
        {
            // A comma or a stock ticker would change which data is asked for: a caller's bug, not a market condition.
            if (!OptionSymbol.TryParse(symbol, out _, out var problem))
            {
                throw new ArgumentException($"'{symbol}' is not an OCC option symbol: {problem}", nameof(symbols));
            }
        }

        var batches = await Task.WhenAll(distinct.Chunk(MaxSymbolsPerRequest)
            .Select(batch => FetchBatchAsync(batch, kind, type, map, cancellationToken))).ConfigureAwait(false);
        var merged = new Dictionary<string, T>(distinct.Length, StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            if (batch.Failure is { } failure)
            {
                return failure;
            }

            foreach (var (symbol, value) in batch.Value!)
            {
                merged[symbol] = value;
            }
        }

        return BrokerResult<IReadOnlyDictionary<string, T>>.Success(merged);
    }

    private async Task<BrokerResult<IReadOnlyDictionary<string, T>>> FetchBatchAsync<TJson, T>(
        string[] batch,
        string kind,
        JsonTypeInfo<TJson> type,
        Func<TJson?, IReadOnlySet<string>, BrokerResult<IReadOnlyDictionary<string, T>>> map,
        CancellationToken cancellationToken)
    {
        // Commas stay literal: they separate symbols in Alpaca's query; each symbol is escaped.
        var path = $"v1beta1/options/{kind}/latest?symbols={string.Join(',', batch.Select(Uri.EscapeDataString))}&feed={Feed.ToWire()}";
        var sent = await _transport.SendAsync(HttpMethod.Get, path, null, CallKind.Read, cancellationToken).ConfigureAwait(false);
        if (sent.Failure is { } failure)
        {
            return Fail(kind, failure);
        }

        var answer = sent.Value!;
        if (!answer.IsSuccess)
        {
            return Fail(kind, AlpacaErrors.FromAnswer(answer, CallKind.Read, _time.GetUtcNow()));
        }

        if (!WireJson.TryRead(answer.Body, type, out var json, out var problem))
        {
            return Fail(kind, new BrokerFailure.Malformed($"HTTP {answer.Status} latest {kind}: {problem}"));
        }

        var mapped = map(json, batch.ToHashSet(StringComparer.Ordinal));
        return mapped.Failure is { } mapFailure ? Fail(kind, mapFailure) : mapped;
    }

    /// <summary>The one way out for a failure: scrubbed of the keys, then logged.</summary>
    private BrokerFailure Fail(string kind, BrokerFailure failure)
    {
        var scrubbed = failure with { Message = _settings.Scrub(failure.Message) };
        BrokerClientLog.CallFailed(_logger, $"latest options {kind}", scrubbed.GetType().Name, scrubbed.Message);
        return scrubbed;
    }
}
