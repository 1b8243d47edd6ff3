namespace PositionManager.Domain.Positions.Events;

/// <summary>A new best price (the peak of a long, the trough of a short) and the stop it implies.</summary>
public sealed record PeakRaised(decimal Peak, decimal? Stop, bool TrailArmed, DateTimeOffset At) : IPositionEvent;
