using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PositionManager.PaperBroker.Api;
using PositionManager.PaperBroker.Market;

namespace PositionManager.PaperBroker.QuoteStream;

/// <summary>
/// The options market data websockets at <c>/v1beta1/indicative</c> and <c>/v1beta1/opra</c>, as on
/// stream.data.alpaca.markets; both serve the simulator's one market.
/// </summary>
public static class QuoteStreamEndpoint
{
    public const string MsgPackContentType = "application/msgpack";

    public static IEndpointRouteBuilder MapQuoteStreamEndpoint(this IEndpointRouteBuilder app)
    {
        foreach (var path in AlpacaRoutes.QuoteStreams)
        {
            app.Map(path, ServeAsync);
        }

        return app;
    }

    private static async Task ServeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, 40010000, "websocket upgrade required");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        if (!AsksForMsgPack(context.Request))
        {
            await RefuseJsonAsync(socket, context.RequestAborted);
            return;
        }

        var services = context.RequestServices;
        var hub = services.GetRequiredService<QuoteStreamHub>();
        using var subscriber = hub.Connect();
        try
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(QuoteStreamSession));
            var session = new QuoteStreamSession(socket, subscriber, services.GetRequiredService<ApiKeys>(), services.GetRequiredService<MarketSimulator>(), logger);
            await session.RunAsync(context.RequestAborted);
        }
        finally
        {
            hub.Disconnect(subscriber);
        }
    }

    private static bool AsksForMsgPack(HttpRequest request) =>
        request.ContentType?.Split(';')[0].Trim().Equals(MsgPackContentType, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Options data is MessagePack only. The refusal goes out as JSON text, the format the client
    /// implicitly asked for (likely what Alpaca does: its docs show the error as JSON), then the close.
    /// </summary>
    private static async Task RefuseJsonAsync(WebSocket socket, CancellationToken ct)
    {
        var json = $$"""[{"T":"error","code":{{QuoteStreamErrors.MsgPackRequired}},"msg":"{{QuoteStreamErrors.Message(QuoteStreamErrors.MsgPackRequired)}}"}]""";
        await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, ct);
        await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "MessagePack required", ct);
    }
}
