using System.Diagnostics;

namespace PositionManager.Benchmarks;

/// <summary>Processes the benchmarks start from the same build (a cluster member, the PaperBroker).</summary>
public static class SiblingProcesses
{
    /// <summary>
    /// A project's Release build output, e.g. ("src", "PositionManager.PaperBroker"), found from the
    /// repository this harness runs in, whether from its build or its published (ReadyToRun) copy.
    /// </summary>
    public static string Dll(string folder, string project)
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, "Actors.sln")))
        {
            repository = repository.Parent ?? throw new InvalidOperationException($"no Actors.sln above {AppContext.BaseDirectory}");
        }

        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var dll = Path.Combine(repository.FullName, folder, project, "bin", "Release", framework, $"{project}.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build the benchmarks in Release first (./bench.sh does)", dll);
    }

    /// <summary>Starts <c>dotnet dll args…</c> and returns once it printed a line containing <paramref name="readyLine"/>.</summary>
    public static async Task<Process> StartAsync(string dll, IEnumerable<string> args, string readyLine, TimeSpan patience)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args.Prepend(dll))
        {
            start.ArgumentList.Add(arg);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains(readyLine, StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(patience);
            return process;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }
}
