using System.Security.Cryptography;
using System.Text;
using PositionManager.Node.Configuration;

namespace PositionManager.Node.Admin;

/// <summary>
/// The token mutating admin calls need. Configured, it is used as given; otherwise the node makes
/// one at start and writes it, readable by its user only, to <c>admin.token</c> in the data
/// directory, where pmctl run from the same directory finds it. The token itself is never logged.
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

        using (var writer = new StreamWriter(path, Encoding.UTF8, createOptions))
        {
            writer.Write(token);
        }

        return new AdminToken(token, path);
    }

    /// <summary>Constant time, so the comparison does not tell how much of a guess was right.</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token);
}
