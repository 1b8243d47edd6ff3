namespace PositionManager.Cli;

/// <summary>Where pmctl writes, reads a confirmation, and finds its environment: the console, or a test's own.</summary>
public sealed record Terminal(TextWriter Output, TextWriter Error, TextReader Input, Func<string, string?> Environment);
