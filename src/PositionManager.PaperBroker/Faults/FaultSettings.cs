namespace PositionManager.PaperBroker.Faults;

/// <summary>Faults armed at start (configuration section <c>PaperBroker:Faults</c>); the control
/// endpoint <c>POST /_paper/faults</c> arms the same ones at run time.</summary>
public sealed class FaultSettings
{
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public int RateLimitNext { get; set; }

    public int ServerErrorNext { get; set; }

    public int ServerErrorStatus { get; set; } = 500;

    public int AmbiguousNext { get; set; }

    public AmbiguousFailure AmbiguousMode { get; set; } = AmbiguousFailure.Error;

    public int RejectNext { get; set; }

    public RejectionKind RejectKind { get; set; } = RejectionKind.Http;

    /// <summary>Each trade-stream connection is aborted, instead of sending the next update, once it has sent this many (0: never).</summary>
    public int DropStreamAfterUpdates { get; set; }

    public string RejectMessage { get; set; } = "order rejected by paper broker fault injection";
}
