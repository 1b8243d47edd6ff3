using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PositionManager.Actors.Gateway;

namespace PositionManager.IntegrationTests.Support;

/// <summary>Listens to the gateway's rule-rejection counter, by rule.</summary>
public sealed class RejectionCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public RejectionCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayMetrics.MeterName && instrument.Name == "gateway_rule_rejections_total")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "rule", Value: string rule })
                {
                    _counts.AddOrUpdate(rule, value, (_, total) => total + value);
                }
            }
        });
        _listener.Start();
    }

    public long CountFor(string rule) => _counts.GetValueOrDefault(rule);

    public void Dispose() => _listener.Dispose();
}
