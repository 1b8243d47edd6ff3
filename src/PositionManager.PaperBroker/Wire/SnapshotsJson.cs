using System.Text.Json.Serialization;

namespace PositionManager.PaperBroker.Wire;

/// <summary><c>GET /v1beta1/options/snapshots</c>; always one page, so the token is null.</summary>
public sealed record SnapshotsJson(
    [property: JsonPropertyName("snapshots")] IReadOnlyDictionary<string, SnapshotJson> Snapshots,
    [property: JsonPropertyName("next_page_token")] string? NextPageToken);
