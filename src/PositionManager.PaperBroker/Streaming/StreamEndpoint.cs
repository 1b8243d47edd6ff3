using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PositionManager.PaperBroker.Api;

namespace PositionManager.PaperBroker.Streaming;

/// <summary>The trade-updates websocket at <c>/stream</c>, as on paper-api.alpaca.markets.</summary>
public static class StreamEndpoint
{
    public static IEndpointRouteBuilder MapStreamEndpoint(this IEndpointRouteBuilder app)
    {
        app.Map("/stream", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                await ApiResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, 40010000, "websocket upgrade required");
                return;
            }

            var services = context.RequestServices;
            var hub = services.GetRequiredService<TradeUpdateHub>();
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            using var connection = hub.Connect();
            try
            {
                var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StreamSession));
                await new StreamSession(socket, connection, services.GetRequiredService<ApiKeys>(), services.GetRequiredService<Faults.FaultInjector>(), logger).RunAsync(context.RequestAborted);
            }
            finally
            {
                hub.Disconnect(connection);
            }
        });
        return app;
    }
}
