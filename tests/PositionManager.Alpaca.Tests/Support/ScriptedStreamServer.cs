using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>
/// A websocket server on loopback that plays a fixed script to each connection: for what the
/// PaperBroker never sends (text frames, messages split over several frames, malformed updates).
/// </summary>
internal sealed class ScriptedStreamServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedStreamServer(WebApplication app, Uri streamUrl)
    {
        _app = app;
        StreamUrl = streamUrl;
    }

    public Uri StreamUrl { get; }

    /// <param name="script">Runs once per accepted connection; returning closes the socket normally.</param>
    public static async Task<ScriptedStreamServer> StartAsync(Func<WebSocket, Task> script)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/stream", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await script(socket);
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "script done", CancellationToken.None);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ScriptedStreamServer(app, new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/stream"));
    }

    /// <summary>Sends one message split into frames of at most <paramref name="frameBytes"/> bytes.</summary>
    public static async Task SendAsync(WebSocket socket, string json, WebSocketMessageType type, int frameBytes = int.MaxValue)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        for (var offset = 0; offset < bytes.Length; offset += frameBytes)
        {
            var count = Math.Min(frameBytes, bytes.Length - offset);
            await socket.SendAsync(bytes.AsMemory(offset, count), type, endOfMessage: offset + count == bytes.Length, CancellationToken.None);
        }
    }

    /// <summary>Reads one whole client message as text.</summary>
    public static async Task<string> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        var count = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
            count += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, count);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
