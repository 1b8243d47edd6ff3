using System.Diagnostics;

namespace PositionManager.Simulation.Running;

/// <summary>
/// The scenarios a run has done, across all of its worlds: a line every <paramref name="every"/>, and
/// a failure's report printed whole before any other world writes.
/// </summary>
public sealed class RunProgress(TextWriter output, int every = 50)
{
    private readonly Lock _gate = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _done;
    private int _failed;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public void Done(ScenarioOutcome outcome, Action reportFailure)
    {
        lock (_gate)
        {
            _done++;
            if (outcome.Failed)
            {
                _failed++;
                reportFailure();
            }

            if (_done % every == 0)
            {
                output.WriteLine($"  {_done} scenarios, {_failed} failed, {Elapsed.TotalSeconds:F0} s");
            }
        }
    }
}
