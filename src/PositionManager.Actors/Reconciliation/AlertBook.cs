namespace PositionManager.Actors.Reconciliation;

/// <summary>
/// The alerts that hold now. A condition found pass after pass is ONE alert (raised once, its
/// last-seen time moving), so a stock position held for a month is not an error line every pass;
/// it is raised again when its message changes and cleared when a pass no longer finds it.
/// </summary>
internal sealed class AlertBook
{
    private readonly Dictionary<(AlertKind Kind, string Symbol), ReconcilerAlert> _active = new();

    public IReadOnlyList<ReconcilerAlert> Active =>
        [.. _active.Values.OrderBy(a => a.Symbol, StringComparer.Ordinal).ThenBy(a => a.Kind)];

    /// <param name="unevaluated">Symbols the pass decided nothing for: their alerts stand as they were.</param>
    public (IReadOnlyList<ReconcilerAlert> Raised, IReadOnlyList<ReconcilerAlert> Cleared) Update(
        IReadOnlyList<Finding> findings, IReadOnlySet<string> unevaluated, DateTimeOffset now)
    {
        var raised = new List<ReconcilerAlert>();
        var found = new HashSet<(AlertKind, string)>();
        foreach (var finding in findings)
        {
            var key = (finding.Kind, finding.Symbol);
            found.Add(key);
            if (_active.TryGetValue(key, out var known) && known.Message == finding.Message)
            {
                _active[key] = known with { LastSeenAt = now };
                continue;
            }

            var alert = new ReconcilerAlert(finding.Kind, finding.Symbol, finding.Message, known?.FirstSeenAt ?? now, now);
            _active[key] = alert;
            raised.Add(alert);
        }

        var cleared = _active.Where(a => !found.Contains(a.Key) && !unevaluated.Contains(a.Key.Symbol)).Select(a => a.Value).ToList();
        foreach (var alert in cleared)
        {
            _active.Remove((alert.Kind, alert.Symbol));
        }

        return (raised, cleared);
    }
}
