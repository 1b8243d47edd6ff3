namespace PositionManager.Node.Configuration;

/// <summary>
/// <c>PositionManager:Broker</c>: whether this node may trade at Alpaca's live host. Live trading
/// is a choice made in writing: without <c>AllowLive=true</c> a live <c>APCA_API_BASE_URL</c> stops
/// the node before any request (docs/DESIGN.md, "Live trading is a choice").
/// </summary>
public sealed record BrokerOptions(bool AllowLive)
{
    public const string Section = "PositionManager:Broker";

    public const string AllowLiveKey = $"{Section}:AllowLive";

    public static readonly string[] Keys = ["AllowLive"];

    public static string AllowLiveVariable => SettingsReader.VariableName(AllowLiveKey);

    internal static BrokerOptions Read(SettingsReader reader) => new(reader.Boolean(AllowLiveKey, false));
}
