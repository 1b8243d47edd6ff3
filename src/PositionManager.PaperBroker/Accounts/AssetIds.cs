using System.Security.Cryptography;
using System.Text;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>A stable <c>asset_id</c> per symbol, so positions and orders agree across restarts.</summary>
public static class AssetIds
{
    public static Guid For(string symbol) => new(SHA256.HashData(Encoding.UTF8.GetBytes(symbol)).AsSpan(0, 16));
}
