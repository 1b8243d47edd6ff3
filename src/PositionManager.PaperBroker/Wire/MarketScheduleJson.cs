namespace PositionManager.PaperBroker.Wire;

/// <summary>
/// Body of <c>POST /_paper/market</c> and answer of <c>GET /_paper/market</c>: dates as YYYY-MM-DD.
/// In a request, an omitted field stays as it is; a list given replaces the one before.
/// </summary>
public sealed record MarketScheduleJson
{
    public bool? AlwaysOpen { get; init; }

    public IReadOnlyList<string>? Holidays { get; init; }

    public IReadOnlyList<string>? EarlyCloses { get; init; }
}
