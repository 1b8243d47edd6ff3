using System.Collections.Concurrent;
using System.Diagnostics;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// The node as README's command runs it: its own build output started with <c>dotnet</c> in a
/// working directory of the test's choosing, without any APCA_* variable unless the test sets one.
/// Every line it prints is kept for the test to look for.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private NodeProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, line) => Keep(_output, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(_errors, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Output => [.. _output];

    public IReadOnlyList<string> Errors => [.. _errors];

    /// <summary>src/PositionManager.Node's build output, in the configuration the tests were built in.</summary>
    public static string NodeDll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Repository.PathOf("src", "PositionManager.Node", "bin", output.Parent!.Name, output.Name, "PositionManager.Node.dll");
        }
    }

    /// <param name="launcher">A command the node runs under (e.g. <c>ip netns exec ns</c>); none: started directly.</param>
    public static NodeProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? launcher = null)
    {
        Assert.True(File.Exists(NodeDll), $"the node is not built at {NodeDll}");
        var start = new ProcessStartInfo(launcher is { Count: > 0 } ? launcher[0] : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (launcher is { Count: > 0 })
        {
            foreach (var arg in launcher.Skip(1).Append("dotnet"))
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add(NodeDll);
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("APCA_", StringComparison.Ordinal) || k.StartsWith("PositionManager__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        // Tests run side by side: an ephemeral admin port instead of the fixed default.
        start.Environment["PositionManager__Admin__Url"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new NodeProcess(Process.Start(start) ?? throw new InvalidOperationException("the node did not start"));
    }

    public Task<string> WaitForOutputAsync(string text, TimeSpan patience) => WaitForAsync(_output, text, patience);

    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var cancel = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as ECS stops a task: the host's graceful shutdown runs.</summary>
    public void Terminate()
    {
        // The shell's builtin: a bare image may have no kill binary.
        using var kill = Process.Start("sh", ["-c", $"kill -TERM {_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}"]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"SIGTERM to {_process.Id} failed");
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>kill -9: no shutdown hook, no coordinated shutdown, nothing flushed that was not already written.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    private async Task<string> WaitForAsync(ConcurrentQueue<string> lines, string text, TimeSpan patience)
    {
        string? found = null;
        await Eventually.AssertAsync(
            () =>
            {
                found = lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                Assert.True(found is not null, $"no line with '{text}' yet; the node printed:{Environment.NewLine}{string.Join(Environment.NewLine, lines.TakeLast(30))}{Environment.NewLine}{string.Join(Environment.NewLine, _errors)}");
                return Task.CompletedTask;
            },
            patience);
        return found!;
    }
}
