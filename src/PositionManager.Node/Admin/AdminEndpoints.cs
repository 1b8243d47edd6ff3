using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PositionManager.Admin;

namespace PositionManager.Node.Admin;

/// <summary>The admin endpoint's routes (<see cref="AdminRoutes"/>): reads are GET, every change is a POST.</summary>
internal static class AdminEndpoints
{
    private static AdminJsonContext Json => AdminJsonContext.Default;

    public static void MapAdmin(this IEndpointRouteBuilder app, AdminAuthorization authorization)
    {
        var admin = app.MapGroup(string.Empty).AddEndpointFilter(authorization).AddEndpointFilter(ProblemsAsErrors);

        admin.MapGet(AdminRoutes.Cluster, (AdminApi api) => AdminResults.Ok(api.Cluster.Show(), Json.ClusterView));
        admin.MapPost(AdminRoutes.ClusterLeave, async (AdminApi api, HttpRequest request) =>
            AdminResults.Ok(api.Cluster.Leave(await Body(request, Json.MemberRequest)), Json.CommandResult));
        admin.MapPost(AdminRoutes.ClusterDown, async (AdminApi api, HttpRequest request) =>
            AdminResults.Ok(api.Cluster.Down(await Body(request, Json.MemberRequest)), Json.CommandResult));
        admin.MapPost(AdminRoutes.ClusterDownUnreachable, (AdminApi api) => AdminResults.Ok(api.Cluster.DownUnreachable(), Json.CommandResult));

        admin.MapGet(AdminRoutes.ShardingRegions, async (AdminApi api) => AdminResults.Ok(await api.Sharding.Regions(), Json.IReadOnlyListShardRegionView));
        admin.MapGet(AdminRoutes.ShardingRegionStats, async (AdminApi api, string? region) => AdminResults.Ok(await api.Sharding.RegionStats(region), Json.RegionStatsView));
        admin.MapGet(AdminRoutes.ShardingShardStats, async (AdminApi api, string? region) => AdminResults.Ok(await api.Sharding.ShardStats(region), Json.ShardStatsView));
        admin.MapGet(AdminRoutes.ActorHierarchy, (AdminApi api, HttpRequest request) =>
            AdminResults.Ok(api.Actors.Walk(Number(request, "depth", ActorTree.DefaultDepth)), Json.ActorHierarchyView));
        admin.MapGet(AdminRoutes.Nodes, async (AdminApi api) => AdminResults.Ok(await api.Versions.All(), Json.IReadOnlyListNodeVersionView));

        admin.MapGet(AdminRoutes.Positions, async (AdminApi api, string? status, string? underlying, CancellationToken cancel) =>
            AdminResults.Ok(await api.Positions.List(status, underlying, cancel), Json.IReadOnlyListPositionSummary));
        admin.MapGet(AdminRoutes.Positions + "/{symbol}", async (AdminApi api, string symbol) =>
            AdminResults.Ok(await api.Positions.Show(symbol), Json.PositionDetail));
        admin.MapGet(AdminRoutes.Positions + "/{symbol}/history", async (AdminApi api, string symbol) =>
            AdminResults.Ok(await api.Positions.History(symbol), Json.PositionHistoryView));
        admin.MapGet(AdminRoutes.Positions + "/{symbol}/chart", async (AdminApi api, WebConsole.PriceSampler sampler, string symbol) =>
            AdminResults.Ok(await api.Positions.Chart(symbol, sampler), Json.PositionChartView));
        admin.MapPost(AdminRoutes.Positions + "/{symbol}/close", async (AdminApi api, string symbol) =>
            AdminResults.Ok(await api.Positions.Close(symbol), Json.CommandResult));
        admin.MapPost(AdminRoutes.Positions + "/{symbol}/policy", async (AdminApi api, string symbol, HttpRequest request) =>
            AdminResults.Ok(await api.Positions.ChangePolicy(symbol, await Body(request, Json.PolicyChangeRequest)), Json.CommandResult));

        admin.MapGet(AdminRoutes.PolicyRules, (AdminApi api) => AdminResults.Ok(api.Policy.Rules(), Json.PolicyRulesView));
        admin.MapGet(AdminRoutes.Prefix + "/policy/explain/{symbol}", async (AdminApi api, string symbol, CancellationToken cancel) =>
            AdminResults.Ok(await api.Policy.Explain(symbol, cancel), Json.PolicyExplainView));
        admin.MapGet(AdminRoutes.PolicyReapply, async (AdminApi api, string? rule, CancellationToken cancel) =>
            AdminResults.Ok(await api.Policy.Reapply(rule, apply: false, cancel), Json.PolicyReapplyView));
        admin.MapPost(AdminRoutes.PolicyReapply, async (AdminApi api, string? rule, CancellationToken cancel) =>
            AdminResults.Ok(await api.Policy.Reapply(rule, apply: true, cancel), Json.PolicyReapplyView));

        admin.MapGet(AdminRoutes.Gateway, async (AdminApi api) => AdminResults.Ok(await api.Gateway.Status(), Json.GatewayView));
        admin.MapPost(AdminRoutes.GatewayHalt, async (AdminApi api, HttpContext context) =>
            AdminResults.Ok(await api.Gateway.Halt(await Body(context.Request, Json.HaltRequest), AdminAuthorization.Operator(context)), Json.CommandResult));
        admin.MapPost(AdminRoutes.GatewayResume, async (AdminApi api, HttpContext context) =>
            AdminResults.Ok(await api.Gateway.Resume(AdminAuthorization.Operator(context)), Json.CommandResult));
        admin.MapGet(AdminRoutes.Orders, async (AdminApi api, HttpRequest request) =>
            AdminResults.Ok(await api.Gateway.Recent(Number(request, "limit", 20)), Json.IReadOnlyListOrderView));

        admin.MapGet(AdminRoutes.Alerts, async (AdminApi api) => AdminResults.Ok(await api.Reconciler.Alerts(), Json.IReadOnlyListAlertView));
        admin.MapPost(AdminRoutes.Reconcile, async (AdminApi api) => AdminResults.Ok(await api.Reconciler.ReconcileNow(), Json.ReconcileView));

        // Anything else under the prefix is a clear 404, not an empty page.
        admin.Map(AdminRoutes.Prefix + "/{**rest}", (HttpRequest request) =>
            AdminResults.Error(StatusCodes.Status404NotFound, $"no admin call {request.Method} {request.Path}"));
    }

    private static async ValueTask<object?> ProblemsAsErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (AdminProblem problem)
        {
            return AdminResults.Error((int)problem.Status, problem.Message);
        }
    }

    private static async Task<T?> Body<T>(HttpRequest request, JsonTypeInfo<T> type)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, type, request.HttpContext.RequestAborted);
        }
        catch (JsonException bad)
        {
            throw AdminProblem.BadRequest($"the request body is not a valid {typeof(T).Name}: {bad.Message}");
        }
    }

    private static int Number(HttpRequest request, string name, int fallback)
    {
        var text = request.Query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw AdminProblem.BadRequest($"{name} '{text}' is not a whole number");
    }
}
