using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PositionManager.Benchmarks;

/// <summary>Processes the benchmarks start from the same build (a cluster member, the PaperBroker), and the ports they get.</summary>
public static class SiblingProcesses
{
    /// <summary>A project's build output in this build's configuration, e.g. ("src", "PositionManager.PaperBroker").</summary>
    public static string Dll(string folder, string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var repository = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(repository, folder, project, "bin", output.Parent.Name, output.Name, $"{project}.dll");
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

    /// <summary>Loopback ports free now, in ascending order; all held open together so none repeats.</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).Order()];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
