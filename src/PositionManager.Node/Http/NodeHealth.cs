using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Market;
using PositionManager.Admin;

namespace PositionManager.Node.Http;

/// <summary>
/// Liveness (the actor system runs) and readiness (this member is Up and its position region is
/// registered), through Akka.Hosting's health checks; an orchestrator restarts on the first and
/// routes work by the second, which drops first when the node leaves. The market clock is reported
/// with readiness but never fails it: an unreadable clock is Degraded (HTTP 200), since the node
/// then holds its exits (docs/DESIGN.md, "The market's clock") and restarting it would not help.
/// </summary>
internal static class NodeHealth
{
    private const string Live = "live";
    private const string Ready = "ready";

    public static AkkaConfigurationBuilder WithNodeHealthChecks(this AkkaConfigurationBuilder akka, MarketClockView market, TimeProvider time) =>
        akka.WithActorSystemLivenessCheck(tags: [Live])
            .WithAkkaClusterReadinessCheck(tags: [Ready])
            .WithHealthCheck("position-region", (system, registry, _) =>
            {
                var status = Cluster.Get(system).SelfMember.Status;
                if (status != MemberStatus.Up)
                {
                    return Task.FromResult(HealthCheckResult.Unhealthy($"this member is {status}, not Up"));
                }

                return Task.FromResult(registry.TryGet<PositionRegion>(out IActorRef? _)
                    ? HealthCheckResult.Healthy("the position region is registered")
                    : HealthCheckResult.Unhealthy("the position region is not registered yet"));
            }, tags: [Ready])
            .WithHealthCheck("market-clock", (_, _, _) =>
            {
                var hours = market.Hours;
                var text = hours.Describe(time.GetUtcNow());
                return Task.FromResult(hours.Condition == MarketClockCondition.Readable ? HealthCheckResult.Healthy(text) : HealthCheckResult.Degraded(text));
            }, tags: [Ready]);

    public static void MapNodeHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(AdminRoutes.Liveness, Options(Live));
        app.MapHealthChecks(AdminRoutes.Readiness, Options(Ready));
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = WriteReport,
    };

    /// <summary>Each check with its status and why, so a failing probe says which part is not ready.</summary>
    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        var view = new HealthReportView(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckView(e.Value.Status.ToString(), e.Value.Description ?? e.Value.Exception?.Message)));
        return context.Response.WriteAsJsonAsync(view, AdminJsonContext.Default.HealthReportView);
    }
}
