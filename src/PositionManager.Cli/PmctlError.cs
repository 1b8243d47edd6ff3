namespace PositionManager.Cli;

/// <summary>A failure pmctl reports as one line on stderr, with its exit code.</summary>
public sealed class PmctlError(string message, int exitCode = PmctlError.Failed) : Exception(message)
{
    /// <summary>The node refused, failed or could not be reached.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;

    public int ExitCode { get; } = exitCode;
}
