using System.Security.Cryptography;
using System.Text;

namespace PositionManager.PaperBroker.Api;

/// <summary>
/// The key pair the broker accepts. With none configured any non-empty pair is accepted, so a new
/// user can start the broker and curl it at once. The keys are never logged or echoed.
/// </summary>
public sealed class ApiKeys(string? keyId, string? secretKey)
{
    public bool AcceptsAnyPair => string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(secretKey);

    public bool Accept(string? presentedKeyId, string? presentedSecret)
    {
        if (string.IsNullOrEmpty(presentedKeyId) || string.IsNullOrEmpty(presentedSecret))
        {
            return false;
        }

        return AcceptsAnyPair || (Same(presentedKeyId, keyId!) & Same(presentedSecret, secretKey!));
    }

    // Constant time, so a wrong secret's timing says nothing about the right one.
    private static bool Same(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
