using System.Net;
using System.Text;
using PositionManager.Node.Admin;
using PositionManager.Node.Configuration;

namespace PositionManager.IntegrationTests.Admin;

/// <summary>
/// The token file a node generates, read as a shell reads it: <c>$(cat data/admin.token)</c> is its
/// bytes as they are, so they must be the token and nothing else (no byte-order mark, no newline),
/// or curl's <c>Authorization: Bearer …</c> is refused while pmctl, which trims, gets in.
/// </summary>
public sealed class AdminTokenFileTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pm-admin-token-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void The_generated_token_file_holds_exactly_the_token_in_printable_ascii_readable_by_its_user_only()
    {
        var token = AdminToken.Resolve(new AdminOptions(new IPEndPoint(IPAddress.Loopback, 9110), null), _directory.FullName);

        var path = Path.Combine(_directory.FullName, AdminToken.FileName);
        Assert.Equal(path, token.File);
        AssertHoldsExactly(token, path);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void A_restart_replaces_the_file_with_the_new_token_alone()
    {
        var options = new AdminOptions(new IPEndPoint(IPAddress.Loopback, 9110), null);
        var first = AdminToken.Resolve(options, _directory.FullName);
        var second = AdminToken.Resolve(options, _directory.FullName);

        AssertHoldsExactly(second, second.File!);
        Assert.False(first.Matches(ReadAsAShellWould(second.File!)));
    }

    [Fact]
    public void A_configured_token_writes_no_file()
    {
        var token = AdminToken.Resolve(new AdminOptions(new IPEndPoint(IPAddress.Loopback, 9110), "configured-admin-token-0123"), _directory.FullName);

        Assert.Null(token.File);
        Assert.Empty(_directory.EnumerateFileSystemInfos());
        Assert.True(token.Matches("configured-admin-token-0123"));
    }

    internal static void AssertHoldsExactly(AdminToken token, string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.NotEmpty(bytes);
        Assert.NotEqual(0xEF, bytes[0]);
        // Printable ASCII only: no BOM, no whitespace, no line end for a shell to keep or strip.
        Assert.All(bytes, b => Assert.InRange(b, (byte)0x21, (byte)0x7E));
        Assert.True(token.Matches(ReadAsAShellWould(path)), "the file's bytes, as they are, are the token");
    }

    /// <summary>The file's bytes as text with no decoding help: a byte-order mark would stay in.</summary>
    private static string ReadAsAShellWould(string path) => Encoding.Latin1.GetString(File.ReadAllBytes(path));
}
