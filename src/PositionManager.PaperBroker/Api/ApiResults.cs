using Microsoft.AspNetCore.Http;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Wire;

namespace PositionManager.PaperBroker.Api;

/// <summary>Alpaca's error body for a refusal.</summary>
public static class ApiResults
{
    public static IResult Error(BrokerError error) =>
        Results.Json(new ErrorJson(error.Code, error.Message), PaperJson.Context.ErrorJson, statusCode: error.HttpStatus);

    public static Task WriteErrorAsync(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ErrorJson(code, message), PaperJson.Context.ErrorJson);
    }
}
