namespace PositionManager.Simulation.Scenarios;

public enum FaultKind
{
    /// <summary>429 with Alpaca's X-RateLimit headers on the next REST requests.</summary>
    RateLimitBurst,

    /// <summary>5xx on the next REST requests.</summary>
    ServerErrors,

    /// <summary>The next order is created, and the answer is a 500.</summary>
    AmbiguousError,

    /// <summary>The next order is created, and the connection drops without an answer.</summary>
    AmbiguousAbort,

    /// <summary>The next orders are refused with 403 (no order exists).</summary>
    RejectHttp,

    /// <summary>The next orders are created as rejected.</summary>
    RejectOrder,

    /// <summary>Every trade-updates websocket is dropped.</summary>
    TradeStreamDrop,
}
