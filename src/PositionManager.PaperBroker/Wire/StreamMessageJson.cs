namespace PositionManager.PaperBroker.Wire;

/// <summary>The trade stream's envelope: <c>{"stream":…,"data":…}</c>.</summary>
public sealed record StreamMessageJson<T>(string Stream, T Data);
