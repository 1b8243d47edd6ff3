using System.Net.Http.Headers;

namespace PositionManager.Alpaca.MarketData.Streaming;

/// <summary>
/// Puts <c>Content-Type: application/msgpack</c> on the websocket upgrade, without which the options
/// stream refuses with 412. ClientWebSocket silently drops a Content-Type set as a request header
/// (it is a content header), so it travels on an empty content instead.
/// </summary>
internal sealed class MsgPackUpgradeHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public const string MediaType = "application/msgpack";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Content = new ByteArrayContent([]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
        return base.SendAsync(request, cancellationToken);
    }
}
