using System.Globalization;
using PositionManager.Simulation.World;

namespace PositionManager.Simulation.Running;

/// <summary>What a cluster run found and what it cost: outcomes, members killed, wall time per scenario.</summary>
public sealed class ClusterRunResult
{
    private readonly Lock _gate = new();
    private readonly List<ScenarioOutcome> _outcomes = [];
    private readonly List<MemberKill> _kills = [];
    private readonly List<TimeSpan> _wallTimes = [];

    /// <summary>In scenario order, whichever cluster played each.</summary>
    public IReadOnlyList<ScenarioOutcome> Outcomes
    {
        get
        {
            lock (_gate)
            {
                return [.. _outcomes.OrderBy(o => o.Scenario.Index)];
            }
        }
    }

    public IReadOnlyList<MemberKill> Kills
    {
        get
        {
            lock (_gate)
            {
                return [.. _kills];
            }
        }
    }

    public int Violations => Outcomes.Sum(o => o.Violations.Count);

    /// <summary>One scenario played: its outcome, the members its cluster lost, and its wall time (start, play, stop).</summary>
    public void Add(ScenarioOutcome outcome, IEnumerable<MemberKill> kills, TimeSpan wall)
    {
        lock (_gate)
        {
            _outcomes.Add(outcome);
            _kills.AddRange(kills);
            _wallTimes.Add(wall);
        }
    }

    /// <summary>The figures a note quotes: wall time per scenario, and each kill's way to the singletons answering again.</summary>
    public IEnumerable<string> Figures()
    {
        lock (_gate)
        {
            return [.. FiguresOf()];
        }
    }

    private IEnumerable<string> FiguresOf()
    {
        yield return $"cluster: wall time per scenario (start, play, stop) {Spread(_wallTimes)}";
        var singletonHosts = _kills.Count(k => k.HostedSingletons);
        yield return $"cluster: {_kills.Count} members killed ({singletonHosts} hosting the singletons, {_kills.Count(k => k.Members == 2)} of 2, {_kills.Count(k => k.Members == 3)} of 3), {_kills.Count(k => k.Unreachable < TimeSpan.Zero)} never seen unreachable";
        if (_kills.Count > 0)
        {
            yield return $"cluster: kill -> unreachable {Spread([.. _kills.Select(k => k.Unreachable)])}";
            yield return $"cluster: kill -> removed {Spread([.. _kills.Select(k => k.Removed)])}";
            yield return $"cluster: kill -> gateway singleton answers on a survivor {Spread([.. _kills.Select(k => k.GatewayAnswers)])}";
        }
    }

    private static string Spread(IReadOnlyList<TimeSpan> times)
    {
        if (times.Count == 0)
        {
            return "(none)";
        }

        var sorted = times.Order().ToList();
        string S(TimeSpan t) => t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
        return $"median {S(sorted[sorted.Count / 2])} s, p90 {S(sorted[(int)(sorted.Count * 0.9)])} s, max {S(sorted[^1])} s, mean {S(TimeSpan.FromTicks((long)sorted.Average(t => t.Ticks)))} s";
    }
}
