namespace PositionManager.PaperBroker.Wire;

/// <summary><c>GET /v2/clock</c>.</summary>
public sealed record ClockJson(string Timestamp, bool IsOpen, string NextOpen, string NextClose);
