namespace PositionManager.Persistence;

/// <summary>Values written into generated HOCON.</summary>
internal static class HoconText
{
    /// <summary>A quoted string: connection strings carry '=', ';' and possibly quotes, all of which HOCON would otherwise parse.</summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
