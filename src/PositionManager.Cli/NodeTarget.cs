namespace PositionManager.Cli;

/// <summary>
/// Which node pmctl talks to and the token it presents: options first, then PMCTL_NODE /
/// PMCTL_TOKEN, then the token file a local node wrote (<c>./data/admin.token</c>).
/// </summary>
public sealed record NodeTarget(Uri Node, string? Token)
{
    public const string DefaultNode = "http://127.0.0.1:9110";
    public const string NodeVariable = "PMCTL_NODE";
    public const string TokenVariable = "PMCTL_TOKEN";
    public const string DefaultTokenFile = "data/admin.token";

    public static NodeTarget Resolve(string? node, string? token, string? tokenFile, Func<string, string?> environment)
    {
        var url = node ?? environment(NodeVariable) ?? DefaultNode;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new PmctlError($"--node '{url}' is not an http:// URL of a node's admin endpoint", PmctlError.Usage);
        }

        return new NodeTarget(uri, token ?? environment(TokenVariable) ?? ReadTokenFile(tokenFile));
    }

    private static string? ReadTokenFile(string? explicitFile)
    {
        var file = explicitFile ?? DefaultTokenFile;
        if (!File.Exists(file))
        {
            return explicitFile is null ? null : throw new PmctlError($"--token-file '{explicitFile}' does not exist", PmctlError.Usage);
        }

        try
        {
            return File.ReadAllText(file).Trim() is { Length: > 0 } token ? token : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PmctlError($"cannot read the token file '{file}': {e.Message}", PmctlError.Usage);
        }
    }
}
