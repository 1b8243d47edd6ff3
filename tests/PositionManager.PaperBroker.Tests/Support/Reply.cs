using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PositionManager.PaperBroker.Tests.Support;

/// <summary>A raw HTTP answer: status, headers and the JSON body exactly as sent (Undefined when empty).</summary>
internal sealed record Reply(HttpStatusCode Status, JsonElement Body, HttpResponseHeaders Headers, string Raw)
{
    public string Str(string name) => Body.GetProperty(name).GetString()!;

    public JsonValueKind Kind(string name) => Body.GetProperty(name).ValueKind;

    public string Header(string name) => Headers.GetValues(name).Single();
}
