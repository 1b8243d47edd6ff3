using Akka.Actor;
using PositionManager.Actors.Gateway;
using PositionManager.Admin;

namespace PositionManager.Node.Admin;

/// <summary><c>gateway status | halt | resume</c> and <c>orders recent</c>, through the gateway singleton's proxy.</summary>
internal sealed class GatewayAdmin(IActorRef gateway, AdminTimeouts timeouts)
{
    private const string Who = "the broker gateway";

    public async Task<GatewayView> Status()
    {
        var status = await Asks.Ask<GatewayProtocol.GatewayStatus>(gateway, GatewayProtocol.GetStatus.Instance, timeouts.Query, Who);
        return new GatewayView(status.Halted, status.HaltReason, status.Queued, status.StreamListening, status.RecentIntents.Count);
    }

    public async Task<CommandResult> Halt(HaltRequest? request, string requestedBy)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Reason))
        {
            throw AdminProblem.BadRequest("a halt needs a reason (--reason), kept with the halt for whoever resumes it");
        }

        var status = await Asks.Ask<GatewayProtocol.GatewayStatus>(gateway, new GatewayProtocol.Halt(request.Reason.Trim(), requestedBy), timeouts.Query, Who);
        return new CommandResult($"gateway HALTED ({status.HaltReason}): every order not yet sent is refused until `pmctl gateway resume`");
    }

    public async Task<CommandResult> Resume(string requestedBy)
    {
        var status = await Asks.Ask<GatewayProtocol.GatewayStatus>(gateway, new GatewayProtocol.Resume(requestedBy), timeouts.Query, Who);
        return new CommandResult($"gateway resumed; {status.Queued} intents queued");
    }

    public async Task<IReadOnlyList<OrderView>> Recent(int limit)
    {
        if (limit is < 1 or > 50)
        {
            throw AdminProblem.BadRequest($"limit {limit} must be between 1 and 50 (the gateway reports its 50 latest intents)");
        }

        var status = await Asks.Ask<GatewayProtocol.GatewayStatus>(gateway, GatewayProtocol.GetStatus.Instance, timeouts.Query, Who);
        return [.. status.RecentIntents.OrderByDescending(i => i.ReceivedAt).Take(limit).Select(View)];
    }

    private static OrderView View(IntentRecord record)
    {
        var intent = record.Intent;
        return new OrderView(
            intent.IntentId,
            intent.PositionId,
            intent.Symbol,
            intent.Side.ToString(),
            intent.Intent.ToString(),
            intent.Quantity,
            intent.Reason.ToString(),
            intent.LimitPrice,
            record.Stage.ToString(),
            record.ReceivedAt,
            record.BrokerOrderId,
            record.RefusalReason,
            record.FinalStatusText ?? record.FinalStatus?.ToString(),
            record.FilledQuantity,
            record.FilledAveragePrice);
    }
}
