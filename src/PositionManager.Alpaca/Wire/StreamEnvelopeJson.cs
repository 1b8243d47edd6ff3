using System.Text.Json;

namespace PositionManager.Alpaca.Wire;

/// <summary>Every trade-stream message: <c>{"stream":…,"data":…}</c>, or <c>{"action":"error","data":…}</c>.</summary>
internal sealed record StreamEnvelopeJson
{
    public string? Stream { get; init; }

    public string? Action { get; init; }

    public JsonElement? Data { get; init; }
}
