using Akka.Actor;
using Akka.Event;
using Akka.Hosting.Logging;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace PositionManager.Node.Hosting;

/// <summary>
/// Akka's log events into Microsoft.Extensions.Logging under the category of the class that
/// logged (<c>PositionManager.Actors.Reconciliation.Reconciler</c>, <c>Akka.Cluster.Cluster</c>),
/// not one category for everything as Akka.Hosting's logger does: the node's <c>Logging</c>
/// settings can then keep Akka's internals at warnings while our actors' information shows.
/// </summary>
public sealed class AkkaLogBridge : LoggerFactoryLogger
{
    private readonly ILoggerFactory _loggers = Context.System.Settings.Setup.Get<LoggerFactorySetup>().Value.LoggerFactory;
    private readonly Dictionary<Type, ILogger> _byClass = [];

    protected override void Log(LogEvent log, ActorPath path)
    {
        var logger = Logger(log.LogClass);
        var level = log.LogLevel() switch
        {
            Akka.Event.LogLevel.DebugLevel => LogLevel.Debug,
            Akka.Event.LogLevel.InfoLevel => LogLevel.Information,
            Akka.Event.LogLevel.WarningLevel => LogLevel.Warning,
            _ => LogLevel.Error,
        };
        if (logger.IsEnabled(level))
        {
            logger.Log(level, default, log.Message?.ToString() ?? string.Empty, log.Cause, static (message, _) => message);
        }
    }

    private ILogger Logger(Type? logClass)
    {
        var key = logClass ?? typeof(ActorSystem);
        if (!_byClass.TryGetValue(key, out var logger))
        {
            // Generic type names carry `1 and nested ones +; the category is for filtering, so keep it plain.
            logger = _loggers.CreateLogger((key.FullName ?? key.Name).Replace('+', '.'));
            _byClass[key] = logger;
        }

        return logger;
    }
}
