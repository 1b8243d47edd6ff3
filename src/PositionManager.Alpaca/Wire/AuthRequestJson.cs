namespace PositionManager.Alpaca.Wire;

/// <summary>
/// The stream's first message, <c>{"action":"auth","key":…,"secret":…}</c>. A class, not a record:
/// a record's generated ToString would print the secret.
/// </summary>
internal sealed class AuthRequestJson(string key, string secret)
{
    public string Action => "auth";

    public string Key => key;

    public string Secret => secret;
}
