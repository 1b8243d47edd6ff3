namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// An HTTP handler a test can cut: while cut, every request fails as a refused connection would,
/// before anything is sent. Given to one client only, it cuts that client's path to the broker
/// and leaves the others working.
/// </summary>
public sealed class SeverableLink() : DelegatingHandler(new SocketsHttpHandler())
{
    private volatile bool _cut;

    public void Cut() => _cut = true;

    public void Restore() => _cut = false;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _cut
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (the test cut the link)"))
            : base.SendAsync(request, cancellationToken);
}
