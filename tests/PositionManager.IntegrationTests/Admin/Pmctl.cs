using System.Text.Json;
using PositionManager.Cli;

namespace PositionManager.IntegrationTests.Admin;

/// <summary>Runs pmctl in-process as an operator would type it, capturing what it prints and its exit code.</summary>
public static class Pmctl
{
    public static async Task<PmctlRun> Run(AdminNode node, params string[] args) =>
        await RunRaw(["--node", node.Url, .. args]);

    public static async Task<PmctlRun> RunWithToken(AdminNode node, params string[] args) =>
        await RunRaw(["--node", node.Url, "--token", AdminNode.Token, .. args]);

    public static async Task<PmctlRun> RawWithToken(AdminNode node, string input, params string[] args) =>
        await RunRaw(["--node", node.Url, "--token", AdminNode.Token, .. args], input);

    /// <param name="input">What the operator types at a prompt (nothing: end of input).</param>
    public static async Task<PmctlRun> RunRaw(string[] args, string input = "", IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = new Terminal(output, error, new StringReader(input), name => environment?.GetValueOrDefault(name));
        var code = await PositionManager.Cli.Pmctl.RunAsync(args, terminal);
        return new PmctlRun(code, output.ToString(), error.ToString());
    }
}

public sealed record PmctlRun(int ExitCode, string Output, string Error)
{
    public JsonElement Json()
    {
        Assert.True(ExitCode == 0, $"pmctl failed ({ExitCode}): {Error}");
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }

    /// <summary>A failure is exactly one line on stderr, nothing on stdout but a prompt.</summary>
    public string OneLineError()
    {
        Assert.NotEqual(0, ExitCode);
        var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("pmctl: ", line);
        return line;
    }
}
