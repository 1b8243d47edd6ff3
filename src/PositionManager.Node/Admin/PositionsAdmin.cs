using Akka.Actor;
using PositionManager.Actors;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Serialization;
using PositionManager.Admin;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Symbols;

namespace PositionManager.Node.Admin;

/// <summary>
/// <c>positions list</c>, <c>position show | history | close | policy</c>. A symbol is looked up in
/// the journal before its actor is asked anything, so a typo never starts (and remembers) an empty
/// position entity.
/// </summary>
internal sealed class PositionsAdmin(IActorRef region, PositionJournal journal, AdminTimeouts timeouts, TimeProvider clock)
{
    /// <summary>How many positions are asked for their state at once when listing.</summary>
    private const int ListConcurrency = 32;

    public async Task<IReadOnlyList<PositionSummary>> List(string? status, string? underlying, CancellationToken cancellationToken)
    {
        var wanted = status?.Trim().ToLowerInvariant() switch
        {
            null or "" or "all" => (PositionStatus?)null,
            "open" => PositionStatus.Open,
            "closed" => PositionStatus.Closed,
            var other => throw AdminProblem.BadRequest($"status '{other}' is not open, closed or all"),
        };
        var on = underlying?.Trim().ToUpperInvariant();

        // Every position is asked: the underlying is the broker's, journaled at adoption, and an
        // adjusted contract's root (LCID1) is not its underlying (LCID).
        var views = await States(await journal.PositionIds(cancellationToken), cancellationToken);
        return [.. views
            .Select(PositionViews.Summary)
            .Where(p => p.Status != nameof(PositionStatus.New) && (wanted is null || p.Status == wanted.ToString()))
            .Where(p => string.IsNullOrEmpty(on) || p.Underlying == on)];
    }

    /// <summary>Every open position's state, as its actor answers now.</summary>
    public async Task<IReadOnlyList<PositionState>> Open(CancellationToken cancellationToken)
    {
        var views = await States(await journal.PositionIds(cancellationToken), cancellationToken);
        return [.. views.Where(v => v.State.IsOpen).Select(v => v.State)];
    }

    public async Task<PositionDetail> Show(string symbol) =>
        PositionViews.Detail(await State(await Known(symbol)), clock.GetUtcNow());

    public async Task<PositionHistoryView> History(string symbol)
    {
        var id = await Known(symbol);
        var events = await journal.Events(id);
        var entries = events.Select(e => new HistoryEntry(
            e.SequenceNr,
            EventText.At(e.Event) ?? DateTimeOffset.FromUnixTimeMilliseconds(e.Timestamp),
            Manifests.For(e.Event.GetType()),
            EventText.Describe(e.Event)));
        return new PositionHistoryView(id, [.. entries]);
    }

    /// <summary>The console's chart: the journal's peaks, stops, exits and fills with this node's recent samples.</summary>
    public async Task<PositionChartView> Chart(string symbol, WebConsole.PriceSampler sampler)
    {
        var id = await Known(symbol);
        var events = await journal.Events(id);
        return WebConsole.PositionCharts.Build(id, [.. events.Select(e => e.Event)], sampler.Samples(id));
    }

    public async Task<CommandResult> Close(string symbol)
    {
        var id = await Known(symbol);
        var answer = await Asks.Ask<IPositionManagerMessage>(region, new PositionProtocol.RequestClose(id), timeouts.Query, $"position {id}");
        return answer switch
        {
            PositionProtocol.CommandAccepted { State.PendingExit: { } exit } accepted =>
                new CommandResult($"close requested: exit {exit.ExitSequence} ({exit.Reason}) {accepted.State.ClosingIntent} {exit.Quantity} {id} sent to the gateway as {exit.ClientOrderId}"),
            PositionProtocol.CommandAccepted => new CommandResult($"close of {id} accepted"),
            PositionProtocol.CommandRefused refused => throw AdminProblem.Conflict($"{id} was not closed: {refused.Reason}"),
            _ => throw AdminProblem.Unavailable($"position {id} answered {answer.GetType().Name}"),
        };
    }

    public async Task<CommandResult> ChangePolicy(string symbol, PolicyChangeRequest? request)
    {
        if (request is null || (request.Set is null && (request.Clear is null || request.Clear.Count == 0)))
        {
            throw AdminProblem.BadRequest("nothing to change: give at least one policy value or a part to clear");
        }

        var id = await Known(symbol);
        var current = (await State(id)).State;
        var policy = PolicyEdit.Apply(current.Policy, request);
        var answer = await Asks.Ask<IPositionManagerMessage>(region, new PositionProtocol.ChangePolicy(id, policy), timeouts.Query, $"position {id}");
        return answer switch
        {
            PositionProtocol.CommandAccepted accepted =>
                new CommandResult($"{id}: policy now {ExitPolicyText.Describe(accepted.State.Policy)}; stop {EventText.Money(accepted.State.Stop)}"),
            PositionProtocol.CommandRefused refused => throw AdminProblem.Conflict($"{id}: policy not changed: {refused.Reason}"),
            _ => throw AdminProblem.Unavailable($"position {id} answered {answer.GetType().Name}"),
        };
    }

    private async Task<string> Known(string symbol)
    {
        var text = symbol.Trim().ToUpperInvariant();
        if (!OptionSymbol.TryParse(text, out var parsed, out var why))
        {
            throw AdminProblem.BadRequest($"'{symbol}' is not an OCC option symbol: {why}");
        }

        return await journal.Exists(parsed.Value)
            ? parsed.Value
            : throw AdminProblem.NotFound($"no position for {parsed.Value} (see `pmctl positions list`)");
    }

    private async Task<PositionProtocol.PositionView[]> States(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(ListConcurrency);
        return await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await State(id);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private Task<PositionProtocol.PositionView> State(string id) =>
        Asks.Ask<PositionProtocol.PositionView>(region, new PositionProtocol.GetState(id), timeouts.Query, $"position {id}");
}
