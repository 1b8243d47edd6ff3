using System.Net;
using System.Text;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>
/// Answers every request with one fixed status and body. Used ONLY for answers the PaperBroker
/// cannot give (malformed bodies); everything else is tested against the real broker.
/// </summary>
internal sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        });
}
