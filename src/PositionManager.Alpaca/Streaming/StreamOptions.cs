namespace PositionManager.Alpaca.Streaming;

/// <summary>Timing of Alpaca's websockets (trade updates, options quotes); the defaults suit Alpaca, tests shorten them.</summary>
public sealed record StreamOptions
{
    /// <summary>The first wait after a failed or dropped connection; doubles on every failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>After refused keys: they will not fix themselves, and hammering the server with them helps nobody.</summary>
    public TimeSpan UnauthorizedBackoff { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Connect, authorize and listen must each complete within this, or the attempt counts as failed.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Websocket pings, and how long a pong may take: a half-open connection (a NAT or load balancer
    /// that forgot us) otherwise looks like a quiet market forever while fills and quotes go unseen.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>A larger message is a broken stream, not news: the connection is dropped and made anew.</summary>
    public int MaxMessageBytes { get; init; } = 1024 * 1024;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(InitialBackoff, TimeSpan.Zero, nameof(InitialBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, InitialBackoff, nameof(MaxBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(UnauthorizedBackoff, TimeSpan.Zero, nameof(UnauthorizedBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HandshakeTimeout, TimeSpan.Zero, nameof(HandshakeTimeout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxMessageBytes, nameof(MaxMessageBytes));
    }
}
