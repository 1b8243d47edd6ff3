using System.Collections.Concurrent;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>Passes every request on to the real network handler and remembers its URL.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new HttpClientHandler())
{
    private readonly ConcurrentQueue<Uri> _requests = new();

    public IReadOnlyList<Uri> Requests => [.. _requests];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request.RequestUri!);
        return base.SendAsync(request, cancellationToken);
    }
}
