using System.Security.Cryptography;
using System.Text;
using PositionManager.Node.Configuration;

namespace PositionManager.Node.Admin;

/// <summary>
/// The token mutating admin calls need. Configured, it is used as given; otherwise the node makes
/// one at start and writes it, readable by its user only, to <c>admin.token</c> in the data
/// directory, where pmctl run from the same directory finds it, as plain ASCII with no byte-order
/// mark or newline, so <c>$(cat data/admin.token)</c> is the token. The token itself is never logged.
/// </summary>
public sealed class AdminToken
{
    public const string FileName = "admin.token";

    private readonly byte[] _token;

    private AdminToken(string token, string? file)
    {
        _token = Encoding.UTF8.GetBytes(token);
        File = file;
    }

    /// <summary>Where a generated token was written; null when the token was configured.</summary>
    public string? File { get; }

    public static AdminToken Resolve(AdminOptions options, string dataDirectory)
    {
        if (options.Token is { } configured)
        {
            return new AdminToken(configured, null);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        System.IO.File.Delete(path);
        var createOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            createOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // Plain ASCII bytes, no byte-order mark and no newline: `$(cat admin.token)` in a shell must
        // be exactly the token (a StreamWriter with Encoding.UTF8 writes EF BB BF first, and a
        // server then refuses curl's header as a wrong token).
        using (var file = new FileStream(path, createOptions))
        {
            file.Write(Encoding.ASCII.GetBytes(token));
        }

        return new AdminToken(token, path);
    }

    /// <summary>Constant time, so the comparison does not tell how much of a guess was right.</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token);
}
