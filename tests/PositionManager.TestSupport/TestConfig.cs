using Akka.Configuration;
using PositionManager.Actors.Configuration;
using PositionManager.Persistence;

namespace PositionManager.TestSupport;

public static class TestConfig
{
    /// <summary>
    /// serialize-messages on: every message a test sends goes through the configured serializer,
    /// so one that would fall back to the default serializer shows up here, not in production.
    /// </summary>
    public const string Strict = """
        akka.loglevel = WARNING
        akka.test.single-expect-default = 15s
        akka.actor.serialize-messages = on
        akka.actor.serialize-creators = off
        akka.actor.serializers {
          forbidden-default = "PositionManager.TestSupport.ForbiddenDefaultSerializer, PositionManager.TestSupport"
          local-only = "PositionManager.TestSupport.LocalOnlySerializer, PositionManager.TestSupport"
        }
        akka.actor.serialization-bindings {
          "System.Object" = forbidden-default
          "Akka.Persistence.Sql.Journal.Types.WriteFinished, Akka.Persistence.Sql" = local-only
        }
        """;

    /// <summary>A single process without cluster: for testing one actor under a fake shard.</summary>
    public static Config Local(JournalTarget journal, string? extra = null) =>
        AkkaConfig.Load(journal, Strict + "\nakka.actor.provider = local\n" + extra);
}
