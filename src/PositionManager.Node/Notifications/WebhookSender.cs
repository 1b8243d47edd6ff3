using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PositionManager.Node.Configuration;

namespace PositionManager.Node.Notifications;

/// <summary>
/// Sends the queue's notifications to the webhook one at a time, in order, each until the receiver
/// answers 2xx (at least once: a receiver that took one but answered late gets it again). A failed
/// attempt is one log line, with the URL redacted, and a count in
/// <c>pm_notifications_failed_deliveries_total</c>; the next waits longer (<see cref="WebhookRetry"/>).
/// </summary>
public sealed class WebhookSender(NotificationQueue queue, HttpClient http, Uri webhook, NotifyFormat format, WebhookRetry retry, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    private readonly string _where = RedactedUrl.Of(webhook);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notification in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await Deliver(notification, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is lost with the process, as the queue's bound allows.
        }
    }

    private async Task Deliver(Notification notification, CancellationToken stoppingToken)
    {
        var body = WebhookBody.Of(notification, format);
        for (var failures = 1; ; failures++)
        {
            var why = await Attempt(body, stoppingToken);
            if (why is null)
            {
                NotificationMetrics.Delivered.Add(1);
                return;
            }

            NotificationMetrics.FailedDeliveries.Add(1);
            var wait = retry.After(failures);
            logger.LogWarning("Notification {Kind} not delivered to {Webhook} (attempt {Attempt}): {Why}; trying again in {Wait}", notification.Kind, _where, failures, why, wait);
            await Task.Delay(wait, clock, stoppingToken);
        }
    }

    /// <returns>Null when delivered, else why not (never the URL: it carries the token).</returns>
    private async Task<string?> Attempt(string body, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(retry.RequestTimeout);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var answer = await http.PostAsync(webhook, content, timeout.Token);
            return answer.IsSuccessStatusCode ? null : $"HTTP {(int)answer.StatusCode} {answer.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return $"no answer within {retry.RequestTimeout}";
        }
        catch (HttpRequestException failed)
        {
            // The exception's message may quote the URL; only its kind goes to the log.
            return failed.HttpRequestError.ToString();
        }
    }
}
