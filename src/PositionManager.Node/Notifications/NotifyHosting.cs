using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PositionManager.Node.Configuration;

namespace PositionManager.Node.Notifications;

/// <summary>Wires notifications into a node when <c>PositionManager__Notify__WebhookUrl</c> is set.</summary>
internal static class NotifyHosting
{
    public const string NotifierName = "notifier";

    public static void AddNotifications(this IServiceCollection services, NotifyOptions options)
    {
        if (options.WebhookUrl is not { } webhook)
        {
            return;
        }

        services.AddSingleton(new NotificationQueue());
        services.AddHostedService(sp => new WebhookSender(
            sp.GetRequiredService<NotificationQueue>(),
            new HttpClient(),
            webhook,
            options.Format,
            WebhookRetry.Default,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("PositionManager.Notify")));
    }

    public static AkkaConfigurationBuilder WithNotifier(this AkkaConfigurationBuilder akka, IServiceProvider services, NotifyOptions options)
    {
        if (!options.Enabled)
        {
            return akka;
        }

        var queue = services.GetRequiredService<NotificationQueue>();
        var clock = services.GetRequiredService<TimeProvider>();
        return akka.WithActors((system, _) => system.ActorOf(Notifier.Props(queue, clock), NotifierName));
    }
}
