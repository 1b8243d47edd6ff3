using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PositionManager.IntegrationTests.Notifications;

/// <summary>
/// A webhook on loopback (Kestrel, port 0) that keeps every body it accepted, and answers 503 to
/// the first <c>failFirst</c> requests, as a receiver that is down and then comes back. Its path
/// carries a token like a Slack URL, so tests can check the token never reaches a log.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string SecretPath = "/services/T000/B000/s3cr3t-webhook-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonElement> _accepted = new();
    private int _refusalsLeft;
    private int _requests;

    private WebhookReceiver(WebApplication app, int failFirst)
    {
        _app = app;
        _refusalsLeft = failFirst;
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<JsonElement> Accepted => [.. _accepted];

    public int Requests => Volatile.Read(ref _requests);

    /// <param name="port">0: any free port.</param>
    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost(SecretPath, receiver.Receive);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + SecretPath);
        return receiver;
    }

    public IReadOnlyList<string> Texts(string property) => [.. Accepted.Select(b => b.GetProperty(property).GetString()!)];

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> Receive(HttpRequest request)
    {
        Interlocked.Increment(ref _requests);
        if (Interlocked.Decrement(ref _refusalsLeft) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        using var body = await JsonDocument.ParseAsync(request.Body);
        _accepted.Enqueue(body.RootElement.Clone());
        return Results.Ok();
    }
}
