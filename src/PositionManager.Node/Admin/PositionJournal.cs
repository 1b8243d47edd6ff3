using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using PositionManager.Actors.Positions;

namespace PositionManager.Node.Admin;

/// <summary>
/// The journal read as the operator's source of truth: which positions exist (open or closed) and
/// what happened to each, without starting a position actor for a symbol that has none.
/// </summary>
internal sealed class PositionJournal(ActorSystem system)
{
    private const string Prefix = "position-";

    private readonly Lazy<SqlReadJournal> _journal = new(() => PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier));

    public async Task<IReadOnlyList<string>> PositionIds(CancellationToken cancellationToken)
    {
        var ids = await _journal.Value.CurrentPersistenceIds()
            .Where(id => id.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(id => id[Prefix.Length..])
            .RunWith(Sink.Seq<string>(), system.Materializer());
        cancellationToken.ThrowIfCancellationRequested();
        return [.. ids.Order(StringComparer.Ordinal)];
    }

    public async Task<bool> Exists(string positionId)
    {
        var first = await _journal.Value.CurrentEventsByPersistenceId(PositionActor.PersistenceIdFor(positionId), 0, long.MaxValue)
            .Take(1)
            .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer());
        return first.Count > 0;
    }

    public async Task<IReadOnlyList<EventEnvelope>> Events(string positionId) =>
        await _journal.Value.CurrentEventsByPersistenceId(PositionActor.PersistenceIdFor(positionId), 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer());
}
