using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PositionManager.Actors.Tests.Support;

/// <summary>Sums one meter's counters while it lives, by instrument and by the value of one tag.</summary>
public sealed class CounterListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public CounterListener(string meterName, string? tag = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name;
            foreach (var pair in tags)
            {
                if (pair.Key == tag)
                {
                    key = $"{instrument.Name}/{pair.Value}";
                }
            }

            _totals.AddOrUpdate(key, value, (_, total) => total + value);
        });
        _listener.Start();
    }

    /// <summary>The total of an instrument, or of one tag value of it (<c>name/value</c>).</summary>
    public long Total(string key) => _totals.GetValueOrDefault(key);

    public void Dispose() => _listener.Dispose();
}
