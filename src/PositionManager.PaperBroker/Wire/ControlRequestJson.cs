namespace PositionManager.PaperBroker.Wire;

/// <summary>Optional body of the control actions: <c>seconds</c> for clock advance, <c>cash</c> for reset.</summary>
public sealed record ControlRequestJson(double? Seconds, decimal? Cash);
