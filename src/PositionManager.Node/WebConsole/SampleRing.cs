namespace PositionManager.Node.WebConsole;

/// <summary>The latest samples of one position, oldest overwritten first: its memory never grows.</summary>
internal sealed class SampleRing(int capacity)
{
    private readonly PriceSample[] _samples = new PriceSample[capacity];
    private int _next;
    private int _count;

    public void Add(PriceSample sample)
    {
        lock (_samples)
        {
            if (_count > 0 && _samples[(_next - 1 + capacity) % capacity] is var last && last.At >= sample.At)
            {
                return;
            }

            _samples[_next] = sample;
            _next = (_next + 1) % capacity;
            _count = Math.Min(_count + 1, capacity);
        }
    }

    public IReadOnlyList<PriceSample> Snapshot()
    {
        lock (_samples)
        {
            var copy = new PriceSample[_count];
            for (var i = 0; i < _count; i++)
            {
                copy[i] = _samples[(_next - _count + i + capacity) % capacity];
            }

            return copy;
        }
    }
}
