using System.Net;

namespace PositionManager.Node.Admin;

/// <summary>An admin call that cannot be answered: its HTTP status and the one line the operator reads.</summary>
public sealed class AdminProblem(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public static AdminProblem BadRequest(string message) => new(HttpStatusCode.BadRequest, message);

    public static AdminProblem NotFound(string message) => new(HttpStatusCode.NotFound, message);

    public static AdminProblem Conflict(string message) => new(HttpStatusCode.Conflict, message);

    public static AdminProblem Unavailable(string message) => new(HttpStatusCode.ServiceUnavailable, message);
}
