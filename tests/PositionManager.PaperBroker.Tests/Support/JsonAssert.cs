using System.Globalization;
using System.Text.Json;

namespace PositionManager.PaperBroker.Tests.Support;

/// <summary>Shape assertions on raw JSON, as docs/ALPACA.md states the wire.</summary>
internal static class JsonAssert
{
    /// <summary>A trading decimal: a JSON string holding an invariant decimal.</summary>
    public static decimal StringDecimal(JsonElement obj, string name)
    {
        var value = obj.GetProperty(name);
        Assert.True(value.ValueKind == JsonValueKind.String, $"{name} should be a JSON string, was {value.ValueKind}: {value}");
        return decimal.Parse(value.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    public static void IsNull(JsonElement obj, string name) =>
        Assert.Equal(JsonValueKind.Null, obj.GetProperty(name).ValueKind);

    public static void HasFields(JsonElement obj, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(obj.TryGetProperty(name, out _), $"missing field '{name}' in {obj}");
        }
    }

    public static void ErrorBody(Reply reply, int status, int code, string? message = null)
    {
        Assert.Equal(status, (int)reply.Status);
        Assert.Equal(code, reply.Body.GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.String, reply.Body.GetProperty("message").ValueKind);
        if (message is not null)
        {
            Assert.Equal(message, reply.Str("message"));
        }
    }
}
