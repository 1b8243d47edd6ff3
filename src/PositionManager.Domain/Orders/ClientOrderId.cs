using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PositionManager.Domain.Orders;

/// <summary>
/// The deterministic <c>client_order_id</c> of one exit: the same position and exit sequence always
/// give the same id, so after a crash or failover the gateway finds the order instead of sending a
/// second one. The lot token (a hash of the position id and when it opened) keeps ids unique per
/// account forever, as Alpaca requires, even if the same contract is held again later.
/// </summary>
public static class ClientOrderId
{
    /// <summary>Alpaca allows 128; older documentation said 48, so ours stay within both.</summary>
    public const int MaxLength = 48;

    public static string For(string positionId, string symbol, DateTimeOffset openedAt, int exitSequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exitSequence);
        var lot = LotToken(positionId, openedAt);
        var id = string.Create(CultureInfo.InvariantCulture, $"pm-{symbol}-{lot}-{exitSequence}");
        return id.Length <= MaxLength
            ? id
            : throw new ArgumentException($"client_order_id '{id}' exceeds {MaxLength} characters", nameof(symbol));
    }

    private static string LotToken(string positionId, DateTimeOffset openedAt)
    {
        var material = string.Create(CultureInfo.InvariantCulture, $"{positionId}|{openedAt.UtcTicks}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        return Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }
}
