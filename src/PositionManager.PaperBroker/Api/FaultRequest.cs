using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Faults;
using PositionManager.PaperBroker.Wire;

namespace PositionManager.PaperBroker.Api;

/// <summary>Maps the control API's fault body onto the injector, field by field.</summary>
public static class FaultRequest
{
    public static BrokerError? Apply(FaultsJson body, FaultInjector faults)
    {
        AmbiguousFailure? mode = body.AmbiguousMode switch
        {
            null => null,
            "error" => AmbiguousFailure.Error,
            "abort" => AmbiguousFailure.Abort,
            _ => (AmbiguousFailure)(-1),
        };
        RejectionKind? kind = body.RejectKind switch
        {
            null => null,
            "http" => RejectionKind.Http,
            "order" => RejectionKind.Order,
            _ => (RejectionKind)(-1),
        };
        if (mode is (AmbiguousFailure)(-1) || kind is (RejectionKind)(-1))
        {
            return BrokerError.Invalid("ambiguous_mode is error|abort and reject_kind is http|order");
        }

        if (body.ServerErrorStatus is < 500 or > 599)
        {
            return BrokerError.Invalid("server_error_status must be 5xx");
        }

        var current = faults.Current;
        faults.Arm(new FaultSettings
        {
            Latency = body.LatencyMs is { } ms ? TimeSpan.FromMilliseconds(ms) : current.Latency,
            RateLimitNext = body.RateLimitNext ?? current.RateLimitNext,
            ServerErrorNext = body.ServerErrorNext ?? current.ServerErrorNext,
            ServerErrorStatus = body.ServerErrorStatus ?? current.ServerErrorStatus,
            AmbiguousNext = body.AmbiguousNext ?? current.AmbiguousNext,
            AmbiguousMode = mode ?? current.AmbiguousMode,
            RejectNext = body.RejectNext ?? current.RejectNext,
            RejectKind = kind ?? current.RejectKind,
            RejectMessage = body.RejectMessage ?? current.RejectMessage,
            DropStreamAfterUpdates = body.DropStreamAfterUpdates ?? current.DropStreamAfterUpdates,
        });
        return null;
    }

    public static FaultsJson Describe(FaultSettings s) => new()
    {
        LatencyMs = (int)s.Latency.TotalMilliseconds,
        RateLimitNext = s.RateLimitNext,
        ServerErrorNext = s.ServerErrorNext,
        ServerErrorStatus = s.ServerErrorStatus,
        AmbiguousNext = s.AmbiguousNext,
        AmbiguousMode = s.AmbiguousMode == AmbiguousFailure.Abort ? "abort" : "error",
        RejectNext = s.RejectNext,
        RejectKind = s.RejectKind == RejectionKind.Order ? "order" : "http",
        RejectMessage = s.RejectMessage,
        DropStreamAfterUpdates = s.DropStreamAfterUpdates,
    };
}
