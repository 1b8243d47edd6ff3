namespace PositionManager.IntegrationTests.Support;

/// <summary>The clone these tests were built from (tests/&lt;project&gt;/bin/&lt;configuration&gt;/&lt;framework&gt;/ below it).</summary>
public static class Repository
{
    public static string Root { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
