namespace PositionManager.Node.Configuration;

/// <summary>The node cannot start with these settings; the message is the one line an operator reads.</summary>
public sealed class NodeSettingsException : Exception
{
    public NodeSettingsException(IReadOnlyList<string> problems)
        : base(string.Join("; ", problems))
    {
        Problems = problems;
    }

    public NodeSettingsException(string problem)
        : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; }
}
