namespace PositionManager.Node.Configuration;

/// <summary>How quotes reach the price feed (<c>PositionManager:MarketData:Mode</c>).</summary>
public enum MarketDataMode
{
    /// <summary>The options quote websocket while it is up, REST polling for whatever it does not serve and whenever it is down.</summary>
    Stream,

    /// <summary>REST polling only: the mode that always works (no websocket, no subscription limits).</summary>
    Poll,
}
