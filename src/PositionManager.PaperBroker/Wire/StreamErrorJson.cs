namespace PositionManager.PaperBroker.Wire;

/// <summary><c>{"action":"error","data":{"error_message":…}}</c>, sent before the server closes the stream.</summary>
public sealed record StreamErrorJson(string Action, StreamErrorDataJson Data);
