using System.Diagnostics;

namespace PositionManager.Benchmarks;

/// <summary>
/// With PM_BENCH_GCDUMP=path, the tick scenario writes a heap dump of itself (dotnet-gcdump, which
/// must be installed) right after measuring memory per position, to break that figure down by type.
/// </summary>
public static class HeapDump
{
    public const string Variable = "PM_BENCH_GCDUMP";

    public static async Task TakeIfAskedAsync()
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        using var dump = Process.Start(new ProcessStartInfo("dotnet-gcdump", ["collect", "-p", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", path])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("dotnet-gcdump did not start");
        await dump.StandardOutput.ReadToEndAsync();
        await dump.WaitForExitAsync();
        Report.Line($"  heap dump: {path} (dotnet-gcdump report {path})");
    }
}
