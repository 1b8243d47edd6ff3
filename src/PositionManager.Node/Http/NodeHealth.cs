using System.Text.Json;
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
using PositionManager.Admin;

namespace PositionManager.Node.Http;

/// <summary>
/// Liveness (the actor system runs) and readiness (this member is Up and its position region is
/// registered), through Akka.Hosting's health checks; an orchestrator restarts on the first and
/// routes work by the second, which drops first when the node leaves.
/// </summary>
internal static class NodeHealth
{
    private const string Live = "live";
    private const string Ready = "ready";

    public static AkkaConfigurationBuilder WithNodeHealthChecks(this AkkaConfigurationBuilder akka) =>
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
    private static async Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description ?? entry.Exception?.Message);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
