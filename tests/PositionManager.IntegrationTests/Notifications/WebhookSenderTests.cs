using Microsoft.Extensions.Logging;
using PositionManager.IntegrationTests.Support;
using PositionManager.Node.Configuration;
using PositionManager.Node.Notifications;

namespace PositionManager.IntegrationTests.Notifications;

/// <summary>The webhook sender against a real HTTP receiver on loopback: formats, order, retries and redaction.</summary>
public sealed class WebhookSenderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly WebhookRetry FastRetry = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
    private static readonly DateTimeOffset At = new(2026, 3, 2, 15, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Slack_format_posts_each_notification_as_text_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var queue = new NotificationQueue();
        using var sender = Sender(queue, receiver, NotifyFormat.Slack, new CapturingLogger());
        await sender.StartAsync(CancellationToken.None);

        queue.Enqueue(new Notification("exit_triggered", NotificationSeverity.Info, "GOOGL270115C00340000", "Exit triggered: TrailingStop of GOOGL270115C00340000", At));
        queue.Enqueue(new Notification("alert_unmanaged_short", NotificationSeverity.Critical, "SPY270115P00500000", "Reconciler alert UnmanagedShort: short 8", At));

        await Eventually.AssertAsync(() => Task.Run(() => Assert.Equal(2, receiver.Accepted.Count)), Patience);
        var texts = receiver.Texts("text");
        Assert.Equal("[position manager] Exit triggered: TrailingStop of GOOGL270115C00340000", texts[0]);
        Assert.Equal(":rotating_light: [position manager] Reconciler alert UnmanagedShort: short 8", texts[1]);
        await sender.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Json_format_carries_kind_severity_symbol_and_time()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var queue = new NotificationQueue();
        using var sender = Sender(queue, receiver, NotifyFormat.Json, new CapturingLogger());
        await sender.StartAsync(CancellationToken.None);

        queue.Enqueue(new Notification("close_refused", NotificationSeverity.Critical, "GOOGL270115C00340000", "Close refused: GatewayHalted", At));

        await Eventually.AssertAsync(() => Task.Run(() => Assert.Single(receiver.Accepted)), Patience);
        var body = receiver.Accepted[0];
        Assert.Equal("close_refused", body.GetProperty("kind").GetString());
        Assert.Equal("critical", body.GetProperty("severity").GetString());
        Assert.Equal("GOOGL270115C00340000", body.GetProperty("symbol").GetString());
        Assert.Equal("Close refused: GatewayHalted", body.GetProperty("text").GetString());
        Assert.Equal(At, body.GetProperty("at").GetDateTimeOffset());
        await sender.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_receiver_that_fails_and_then_recovers_gets_every_notification_once_in_order_and_each_failure_is_one_redacted_log_line()
    {
        const int failures = 3;
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: failures);
        var queue = new NotificationQueue();
        var log = new CapturingLogger();
        using var sender = Sender(queue, receiver, NotifyFormat.Json, log);
        await sender.StartAsync(CancellationToken.None);

        var kinds = new[] { "gateway_halted", "exit_triggered", "order_filled", "gateway_resumed" };
        foreach (var kind in kinds)
        {
            queue.Enqueue(new Notification(kind, NotificationSeverity.Warning, null, kind, At));
        }

        await Eventually.AssertAsync(() => Task.Run(() => Assert.Equal(kinds.Length, receiver.Accepted.Count)), Patience);
        Assert.Equal(kinds, receiver.Texts("kind"));
        Assert.Equal(kinds.Length + failures, receiver.Requests);
        var warnings = log.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Line).ToList();
        Assert.Equal(failures, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("HTTP 503", w, StringComparison.Ordinal));
        Assert.All(log.Lines, l => Assert.DoesNotContain("s3cr3t", l.Line, StringComparison.Ordinal));
        Assert.Contains($"http://127.0.0.1:{receiver.Url.Port}/…", warnings[0], StringComparison.Ordinal);
        await sender.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_receiver_not_listening_yet_gets_the_notification_once_it_listens()
    {
        var port = FreePorts.Take(1)[0];
        var webhook = new Uri($"http://127.0.0.1:{port}{WebhookReceiver.SecretPath}");
        var queue = new NotificationQueue();
        var log = new CapturingLogger();
        using var sender = new WebhookSender(queue, new HttpClient(), webhook, NotifyFormat.Json, FastRetry, TimeProvider.System, log);
        await sender.StartAsync(CancellationToken.None);

        queue.Enqueue(new Notification("member_left", NotificationSeverity.Warning, null, "gone", At));
        await Eventually.AssertAsync(() => Task.Run(() => Assert.NotEmpty(log.Lines)), Patience);
        await using var receiver = await WebhookReceiver.StartAsync(port: port);

        await Eventually.AssertAsync(() => Task.Run(() => Assert.Single(receiver.Accepted)), Patience);
        Assert.Equal("member_left", receiver.Texts("kind")[0]);
        Assert.Contains("ConnectionError", log.Lines[0].Line, StringComparison.Ordinal);
        Assert.All(log.Lines, l => Assert.DoesNotContain("s3cr3t", l.Line, StringComparison.Ordinal));
        await sender.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void A_full_queue_drops_the_oldest_and_counts_it_without_blocking()
    {
        var queue = new NotificationQueue(capacity: 2);

        foreach (var kind in new[] { "first", "second", "third", "fourth" })
        {
            queue.Enqueue(new Notification(kind, NotificationSeverity.Info, null, kind, At));
        }

        Assert.Equal(2, queue.Dropped);
        Assert.True(queue.Reader.TryRead(out var oldestKept));
        Assert.Equal("third", oldestKept.Kind);
        Assert.True(queue.Reader.TryRead(out var newest));
        Assert.Equal("fourth", newest.Kind);
    }

    [Fact]
    public void Redacted_url_keeps_scheme_host_and_port_only()
    {
        Assert.Equal("https://hooks.example.com/…", RedactedUrl.Of(new Uri("https://hooks.example.com/services/T0/B0/token?x=1")));
        Assert.Equal("http://127.0.0.1:8080/…", RedactedUrl.Of(new Uri("http://127.0.0.1:8080/hook/token")));
    }

    private static WebhookSender Sender(NotificationQueue queue, WebhookReceiver receiver, NotifyFormat format, ILogger log) =>
        new(queue, new HttpClient(), receiver.Url, format, FastRetry, TimeProvider.System, log);
}
