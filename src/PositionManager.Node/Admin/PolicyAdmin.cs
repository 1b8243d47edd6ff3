using Akka.Actor;
using PositionManager.Actors;
using PositionManager.Actors.Positions;
using PositionManager.Admin;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Symbols;

namespace PositionManager.Node.Admin;

/// <summary>
/// <c>policy rules | explain | reapply</c>. A change of rules applies to positions adopted later;
/// re-applying them to open positions is this explicit admin action, previewed by a GET and done
/// by a POST (with the token), each change journaled by its position as a re-applied rule.
/// </summary>
internal sealed class PolicyAdmin(PolicyRules rules, Func<IActorRef> region, Func<PositionsAdmin> positions, AdminTimeouts timeouts, TimeProvider clock)
{
    public PolicyRulesView Rules() => rules.View();

    public async Task<PolicyExplainView> Explain(string symbol, CancellationToken cancellationToken)
    {
        var contract = Parse(symbol);
        return rules.Explain(contract, await rules.UnderlyingOf(contract, cancellationToken), Today());
    }

    /// <param name="apply">False: say what would change and change nothing.</param>
    public async Task<PolicyReapplyView> Reapply(string? rule, bool apply, CancellationToken cancellationToken)
    {
        var wanted = rule?.Trim();
        if (wanted is { Length: > 0 } && !string.Equals(wanted, PolicyBook.DefaultName, StringComparison.OrdinalIgnoreCase)
            && !rules.Book.Rules.Any(r => string.Equals(r.Name, wanted, StringComparison.OrdinalIgnoreCase)))
        {
            throw AdminProblem.BadRequest($"there is no rule '{wanted}' (see `pmctl policy rules`)");
        }

        var today = Today();
        var changes = new List<PolicyReapplyChange>();
        var skipped = new List<string>();
        var unchanged = 0;
        foreach (var state in (await positions().Open(cancellationToken)).OrderBy(s => s.PositionId, StringComparer.Ordinal))
        {
            string? underlying;
            try
            {
                // A position opened before rules never read its underlying: read it now, as an adoption would.
                underlying = state.UnderlyingSymbol ?? await rules.UnderlyingOf(state.Symbol!, cancellationToken);
            }
            catch (AdminProblem unreadable)
            {
                skipped.Add($"{state.PositionId}: {unreadable.Message}");
                continue;
            }

            var choice = rules.Choose(state.Symbol!, underlying, today);
            if (wanted is { Length: > 0 } && !string.Equals(choice.RuleName, wanted, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (choice.RuleName == state.RuleName && choice.Policy == state.Policy)
            {
                unchanged++;
                continue;
            }

            var outcome = apply ? await Send(state, choice, underlying) : "would change";
            changes.Add(new PolicyReapplyChange(
                state.PositionId, underlying, state.RuleName ?? PolicyBook.DefaultName, ExitPolicyText.Describe(state.Policy),
                choice.RuleName, ExitPolicyText.Describe(choice.Policy), outcome));
        }

        return new PolicyReapplyView(apply, changes, unchanged, skipped);
    }

    private async Task<string> Send(PositionState state, PolicyChoice choice, string? underlying)
    {
        var answer = await Asks.Ask<IPositionManagerMessage>(
            region(), new PositionProtocol.ReapplyPolicy(state.PositionId, choice.RuleName, choice.Policy, underlying), timeouts.Query, $"position {state.PositionId}");
        return answer switch
        {
            PositionProtocol.CommandAccepted accepted => $"changed: stop {EventText.Money(accepted.State.Stop)}",
            PositionProtocol.CommandRefused refused => $"refused: {refused.Reason}",
            _ => $"no clear answer ({answer.GetType().Name}); see `pmctl position show {state.PositionId}`",
        };
    }

    private DateOnly Today() => NewYorkTime.DateOf(clock.GetUtcNow());

    private static OptionSymbol Parse(string symbol) =>
        OptionSymbol.TryParse(symbol.Trim().ToUpperInvariant(), out var parsed, out var why)
            ? parsed
            : throw AdminProblem.BadRequest($"'{symbol}' is not an OCC option symbol: {why}");
}
