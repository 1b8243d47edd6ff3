using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Symbols;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// The broker's contract reads over HTTP, with scripted answers for chosen symbols: a read that
/// fails (a timeout or 5xx as the client reports it) until told otherwise, or a 404. Every read
/// is counted, so a test can see that a contract is read once.
/// </summary>
public sealed class ScriptedContracts(IContractDirectory broker) : IContractDirectory
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _failing = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reads = new(StringComparer.Ordinal);

    public void Fail(string symbol, bool failing)
    {
        lock (_gate)
        {
            _ = failing ? _failing.Add(symbol) : _failing.Remove(symbol);
        }
    }

    public void Unknown(string symbol)
    {
        lock (_gate)
        {
            _unknown.Add(symbol);
        }
    }

    public int Reads(string symbol)
    {
        lock (_gate)
        {
            return _reads.GetValueOrDefault(symbol);
        }
    }

    public async Task<BrokerResult<OptionContract?>> GetContractAsync(OptionSymbol symbol, CancellationToken cancellationToken)
    {
        bool failing, unknown;
        lock (_gate)
        {
            _reads[symbol.Value] = _reads.GetValueOrDefault(symbol.Value) + 1;
            (failing, unknown) = (_failing.Contains(symbol.Value), _unknown.Contains(symbol.Value));
        }

        if (failing)
        {
            return new BrokerFailure.Transient($"GET v2/options/contracts/{symbol.Value}: HTTP 503");
        }

        return unknown ? BrokerResult<OptionContract?>.Success(null) : await broker.GetContractAsync(symbol, cancellationToken);
    }
}
