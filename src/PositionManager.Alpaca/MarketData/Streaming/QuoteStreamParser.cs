using System.Globalization;
using MessagePack;
using PositionManager.Domain.Quotes;

namespace PositionManager.Alpaca.MarketData.Streaming;

/// <summary>
/// Reads one server message of the options data stream: an ARRAY of maps, each tagged by <c>T</c>.
/// A quote needs its symbol, time, bid and ask; one without them is Malformed, never defaulted
/// (docs/DESIGN.md invariant 8). Unreadable bytes end the message: what was read before them stands.
/// </summary>
internal static class QuoteStreamParser
{
    public static IReadOnlyList<QuoteStreamMessage> Parse(ReadOnlyMemory<byte> bytes)
    {
        var messages = new List<QuoteStreamMessage>();
        try
        {
            var reader = new MessagePackReader(bytes);
            if (reader.NextMessagePackType != MessagePackType.Array)
            {
                return [new QuoteStreamMessage.Malformed($"a message is an array, not {reader.NextMessagePackType}")];
            }

            for (var count = reader.ReadArrayHeader(); count > 0; count--)
            {
                messages.Add(ReadElement(ref reader));
            }
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException)
        {
            messages.Add(new QuoteStreamMessage.Malformed($"unreadable MessagePack ({e.Message})"));
        }

        return messages;
    }

    private static QuoteStreamMessage ReadElement(ref MessagePackReader reader)
    {
        if (reader.NextMessagePackType != MessagePackType.Map)
        {
            reader.Skip();
            return new QuoteStreamMessage.Malformed("an element is not a map");
        }

        var fields = new StreamFields();
        for (var count = reader.ReadMapHeader(); count > 0; count--)
        {
            if (reader.NextMessagePackType != MessagePackType.String)
            {
                reader.Skip();
                reader.Skip();
                continue;
            }

            fields.Read(reader.ReadString()!, ref reader);
        }

        return fields.Type switch
        {
            "q" => Quote(fields),
            "success" => new QuoteStreamMessage.Success(fields.Msg ?? ""),
            "error" => new QuoteStreamMessage.Error(fields.Code ?? 0, fields.Msg ?? "error without a message"),
            "subscription" => new QuoteStreamMessage.Subscription(fields.Quotes ?? new HashSet<string>(StringComparer.Ordinal)),
            null or "" => new QuoteStreamMessage.Malformed("an element without T"),
            var other => new QuoteStreamMessage.Other(other),
        };
    }

    private static QuoteStreamMessage Quote(StreamFields f)
    {
        var missing = new[] { ("S", f.Symbol is null), ("t", f.Time is null), ("bp", f.BidPrice is null), ("ap", f.AskPrice is null) }
            .Where(field => field.Item2)
            .Select(field => field.Item1)
            .ToList();
        return missing.Count > 0
            ? new QuoteStreamMessage.Malformed($"quote {f.Symbol ?? "without S"}: {string.Join(", ", missing)} missing or unreadable")
            : new QuoteStreamMessage.Quote(new MarketQuote(f.Symbol!, f.BidPrice!.Value, f.AskPrice!.Value, null, f.Time!.Value));
    }

    /// <summary>The fields the client reads, from whichever message kind carries them.</summary>
    private sealed class StreamFields
    {
        public string? Type { get; private set; }

        public string? Symbol { get; private set; }

        public DateTimeOffset? Time { get; private set; }

        public double? BidPrice { get; private set; }

        public double? AskPrice { get; private set; }

        public string? Msg { get; private set; }

        public int? Code { get; private set; }

        public HashSet<string>? Quotes { get; private set; }

        public void Read(string name, ref MessagePackReader reader)
        {
            switch (name)
            {
                case "T": Type = Text(ref reader); break;
                case "S": Symbol = Text(ref reader); break;
                case "t": Time = Timestamp(ref reader); break;
                case "bp": BidPrice = Number(ref reader); break;
                case "ap": AskPrice = Number(ref reader); break;
                case "msg": Msg = Text(ref reader); break;
                case "code": Code = (int?)Number(ref reader); break;
                case "quotes": Quotes = Symbols(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        private static string? Text(ref MessagePackReader reader)
        {
            if (reader.NextMessagePackType == MessagePackType.String)
            {
                return reader.ReadString();
            }

            reader.Skip();
            return null;
        }

        /// <summary>Null (never 0) for anything but a number: a missing price must not become a price.</summary>
        private static double? Number(ref MessagePackReader reader)
        {
            if (reader.NextMessagePackType is MessagePackType.Integer or MessagePackType.Float)
            {
                return reader.ReadDouble();
            }

            reader.Skip();
            return null;
        }

        /// <summary>A Timestamp extension (type -1) as documented; an RFC 3339 string is read too, defensively.</summary>
        private static DateTimeOffset? Timestamp(ref MessagePackReader reader)
        {
            switch (reader.NextMessagePackType)
            {
                case MessagePackType.Extension when reader.CreatePeekReader().ReadExtensionFormatHeader().TypeCode == ReservedMessagePackExtensionTypeCode.DateTime:
                    return new DateTimeOffset(reader.ReadDateTime(), TimeSpan.Zero);
                case MessagePackType.String:
                    return DateTimeOffset.TryParse(reader.ReadString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
                default:
                    reader.Skip();
                    return null;
            }
        }

        private static HashSet<string>? Symbols(ref MessagePackReader reader)
        {
            if (reader.NextMessagePackType != MessagePackType.Array)
            {
                reader.Skip();
                return null;
            }

            var symbols = new HashSet<string>(StringComparer.Ordinal);
            for (var count = reader.ReadArrayHeader(); count > 0; count--)
            {
                if (Text(ref reader) is { } symbol)
                {
                    symbols.Add(symbol);
                }
            }

            return symbols;
        }
    }
}
