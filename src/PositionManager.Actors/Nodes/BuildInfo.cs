using System.Reflection;

namespace PositionManager.Actors.Nodes;

/// <summary>
/// The version and git commit this code was built from. The SDK stamps the commit into the
/// informational version (<c>1.0.0+&lt;sha&gt;</c>) when it builds inside a git clone; a build without
/// one (a container build context) passes <c>-p:SourceRevisionId=&lt;sha&gt;</c> instead.
/// </summary>
public sealed record BuildInfo(string Version, string Commit)
{
    public const string UnknownCommit = "unknown";

    public static BuildInfo Current { get; } = Read(typeof(BuildInfo).Assembly);

    public static BuildInfo Read(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? new BuildInfo(informational, UnknownCommit)
            : new BuildInfo(informational[..plus], informational[(plus + 1)..]);
    }

    public override string ToString() => $"{Version} (commit {Commit})";
}
