using System.Diagnostics;
using System.Globalization;

namespace PositionManager.Benchmarks;

public static class Report
{
    public static void Line(string text) => Console.WriteLine(text);

    public static void Ratio(string what, double ours, double baseline, string unit, double target)
    {
        var ratio = ours / baseline;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: {ours:N0} {unit} vs raw {baseline:N0} {unit} = {ratio:P0} (target >= {target:P0}) {(ratio >= target ? "MET" : "NOT MET")}"));
    }

    public static async Task<TimeSpan> TimeAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed;
    }
}
