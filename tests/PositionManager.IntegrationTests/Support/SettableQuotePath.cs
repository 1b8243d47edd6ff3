using PositionManager.PaperBroker.Market;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// A quote the test sets and the broker serves as is, fresh at every request: unlike the broker's
/// own paths (and its control API) it can be crossed, so the system's refusal of one is tested
/// against what really comes over the wire.
/// </summary>
public sealed class SettableQuotePath(decimal bid, decimal ask) : IQuotePath
{
    private readonly Lock _gate = new();
    private (decimal Bid, decimal Ask) _quote = (bid, ask);

    public void Set(decimal bid, decimal ask)
    {
        lock (_gate)
        {
            _quote = (bid, ask);
        }
    }

    public SimQuote QuoteAt(DateTimeOffset time)
    {
        lock (_gate)
        {
            return new SimQuote(time, _quote.Bid, _quote.Ask, 10, 10);
        }
    }
}
