namespace PositionManager.PaperBroker.Wire;

/// <summary>What a control action did, e.g. <c>{"action":"pump","count":2}</c>.</summary>
public sealed record ControlResultJson(string Action, int Count);
