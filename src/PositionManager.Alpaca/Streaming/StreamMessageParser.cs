using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PositionManager.Alpaca.Wire;

namespace PositionManager.Alpaca.Streaming;

/// <summary>
/// Reads one trade-stream message. Trade updates go through the same order mapping as REST, so a
/// streamed order missing a field is as Malformed as a fetched one; nothing is defaulted.
/// </summary>
internal static class StreamMessageParser
{
    public static StreamMessage Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (!WireJson.TryRead(utf8Json, AlpacaJsonContext.Default.StreamEnvelopeJson, out var envelope, out var problem))
        {
            return new StreamMessage.Malformed(problem);
        }

        if (envelope is null)
        {
            return new StreamMessage.Malformed("null message");
        }

        if (envelope.Action == TradeStreams.ErrorAction)
        {
            return TryReadData(envelope, AlpacaJsonContext.Default.StreamErrorDataJson, out var error, out _)
                ? new StreamMessage.Error(error.ErrorMessage ?? "error without a message")
                : new StreamMessage.Error("error without a message");
        }

        return envelope.Stream switch
        {
            TradeStreams.Authorization => Authorization(envelope),
            TradeStreams.Listening => Listening(envelope),
            TradeStreams.TradeUpdates => Update(envelope),
            null or "" => new StreamMessage.Malformed("message names no stream"),
            var other => new StreamMessage.Other(other),
        };
    }

    private static StreamMessage Authorization(StreamEnvelopeJson envelope)
    {
        if (!TryReadData(envelope, AlpacaJsonContext.Default.AuthorizationDataJson, out var data, out var problem))
        {
            return new StreamMessage.Malformed($"authorization: {problem}");
        }

        return data.Status switch
        {
            "authorized" => new StreamMessage.Authorization(true, data.Status),
            "unauthorized" => new StreamMessage.Authorization(false, data.Status),
            _ => new StreamMessage.Malformed($"authorization status '{data.Status}' is unknown"),
        };
    }

    private static StreamMessage Listening(StreamEnvelopeJson envelope) =>
        TryReadData(envelope, AlpacaJsonContext.Default.ListeningDataJson, out var data, out var problem)
            ? new StreamMessage.Listening([.. (data.Streams ?? []).OfType<string>()])
            : new StreamMessage.Malformed($"listening: {problem}");

    private static StreamMessage Update(StreamEnvelopeJson envelope)
    {
        if (!TryReadData(envelope, AlpacaJsonContext.Default.TradeUpdateDataJson, out var data, out var problem))
        {
            return new StreamMessage.Malformed($"trade update: {problem}");
        }

        if (string.IsNullOrEmpty(data.Event))
        {
            return new StreamMessage.Malformed("trade update without an event");
        }

        var order = WireMapping.ToOrder(data.Order);
        if (order.Failure is { } failure)
        {
            return new StreamMessage.Malformed($"trade update {data.Event}: {failure.Message}");
        }

        return new StreamMessage.Update(new TradeUpdate(data.Event, order.Value!, data.Price, data.Qty, data.PositionQty, data.Timestamp));
    }

    private static bool TryReadData<T>(StreamEnvelopeJson envelope, JsonTypeInfo<T> type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? data, out string problem)
        where T : class
    {
        data = null;
        if (envelope.Data is not { ValueKind: JsonValueKind.Object } element)
        {
            problem = "data is missing or not an object";
            return false;
        }

        try
        {
            data = element.Deserialize(type);
        }
        catch (JsonException e)
        {
            problem = $"unreadable data ({e.Message})";
            return false;
        }

        problem = data is null ? "data is null" : "";
        return data is not null;
    }
}
