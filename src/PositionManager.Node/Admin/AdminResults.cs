using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PositionManager.Admin;

namespace PositionManager.Node.Admin;

/// <summary>Every admin answer is JSON of the shared contract; every failure an <see cref="AdminError"/>.</summary>
internal static class AdminResults
{
    public static IResult Ok<T>(T value, JsonTypeInfo<T> type) => Results.Json(value, type);

    public static IResult Error(int status, string message) =>
        Results.Json(new AdminError(message), AdminJsonContext.Default.AdminError, statusCode: status);

    public static string Describe(object? result) => result switch
    {
        JsonHttpResult<CommandResult> { Value: { } done } => done.Message,
        JsonHttpResult<PolicyReapplyView> { Value: { } reapply } =>
            $"rules re-applied to {reapply.Changes.Count} positions: {string.Join(", ", reapply.Changes.Select(c => $"{c.Symbol} {c.FromRule}->{c.ToRule} {c.Outcome}"))}",
        JsonHttpResult<AdminError> { Value: { } error, StatusCode: var status } => $"refused ({status}): {error.Error}",
        IStatusCodeHttpResult { StatusCode: var status } => $"HTTP {status}",
        _ => "done",
    };
}
