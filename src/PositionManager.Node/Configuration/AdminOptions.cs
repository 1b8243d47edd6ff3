using System.Net;
using System.Text.RegularExpressions;

namespace PositionManager.Node.Configuration;

/// <summary>
/// <c>PositionManager:Admin</c>: where the admin endpoint (and health and metrics) listens, and the
/// token its mutating calls need. Beyond loopback every admin call needs the token, so the node
/// refuses to bind there without one.
/// </summary>
public sealed partial record AdminOptions(IPEndPoint Endpoint, string? Token)
{
    public const string Section = "PositionManager:Admin";

    public const string DefaultUrl = "http://127.0.0.1:9110";

    /// <summary>A token shorter than this is guessable by anyone who can reach the port.</summary>
    public const int MinimumTokenLength = 16;

    public static readonly string[] Keys = ["Url", "Token"];

    public bool IsLoopback => IPAddress.IsLoopback(Endpoint.Address);

    internal static AdminOptions Read(SettingsReader reader)
    {
        var urlKey = $"{Section}:Url";
        var tokenKey = $"{Section}:Token";
        var url = reader.Text(urlKey) ?? DefaultUrl;
        var token = reader.Text(tokenKey);
        var endpoint = new IPEndPoint(IPAddress.Loopback, 9110);
        if (!TryParseEndpoint(url, out var parsed, out var why))
        {
            reader.Problem(urlKey, why);
        }
        else
        {
            endpoint = parsed;
        }

        if (token is { Length: < MinimumTokenLength })
        {
            reader.Problem(tokenKey, $"at least {MinimumTokenLength} characters");
        }

        var options = new AdminOptions(endpoint, token);
        if (!options.IsLoopback && token is null)
        {
            reader.Problem(urlKey, $"'{url}' is reachable beyond this machine; set {SettingsReader.VariableName(tokenKey)} first");
        }

        return options;
    }

    /// <summary>Only <c>http://&lt;IP address&gt;:&lt;port&gt;</c> (or localhost): a host name could resolve anywhere.</summary>
    private static bool TryParseEndpoint(string url, out IPEndPoint endpoint, out string why)
    {
        endpoint = new IPEndPoint(IPAddress.Loopback, 0);
        if (!ExplicitHttpPort().IsMatch(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            why = $"'{url}' is not http://<address>:<port>";
            return false;
        }

        var host = uri.Host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            endpoint = new IPEndPoint(IPAddress.Loopback, uri.Port);
        }
        else if (IPAddress.TryParse(host, out var address))
        {
            endpoint = new IPEndPoint(address, uri.Port);
        }
        else
        {
            why = $"'{uri.Host}' is not an IP address or localhost";
            return false;
        }

        why = string.Empty;
        return true;
    }

    [GeneratedRegex(@"^http://(\[[0-9a-fA-F:.]+\]|[^/:\[\]]+):[0-9]{1,5}/?$")]
    private static partial Regex ExplicitHttpPort();
}
