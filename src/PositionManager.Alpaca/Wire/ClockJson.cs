namespace PositionManager.Alpaca.Wire;

/// <summary>
/// Alpaca's clock object. The times stay strings so that <see cref="WireInstant"/> can insist on an
/// offset: the serializer would read a time without one as this machine's local time.
/// </summary>
internal sealed record ClockJson
{
    public string? Timestamp { get; init; }

    public bool? IsOpen { get; init; }

    public string? NextOpen { get; init; }

    public string? NextClose { get; init; }
}
