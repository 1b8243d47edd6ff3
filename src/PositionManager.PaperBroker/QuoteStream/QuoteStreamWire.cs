using System.Buffers;
using MessagePack;
using PositionManager.PaperBroker.Market;

namespace PositionManager.PaperBroker.QuoteStream;

/// <summary>
/// The options data stream's MessagePack, written and read by hand with the library's primitives:
/// every server message is an ARRAY of maps, and <c>t</c> is a Timestamp extension (type -1), not a
/// string, as Alpaca sends them.
/// </summary>
public static class QuoteStreamWire
{
    // The same exchange and condition codes as the REST quotes and trades (Wire/WireMapping).
    private const string Exchange = "C";
    private const string QuoteCondition = " ";
    private const string TradeCondition = "I";

    public static byte[] Success(string message) => Array(1, (ref MessagePackWriter w) =>
    {
        w.WriteMapHeader(2);
        Pair(ref w, "T", "success");
        Pair(ref w, "msg", message);
    });

    public static byte[] Error(int code) => Array(1, (ref MessagePackWriter w) =>
    {
        w.WriteMapHeader(3);
        Pair(ref w, "T", "error");
        w.Write("code");
        w.Write(code);
        Pair(ref w, "msg", QuoteStreamErrors.Message(code));
    });

    /// <summary>What the client is subscribed to after its last subscribe or unsubscribe.</summary>
    public static byte[] Subscription(IReadOnlyCollection<string> trades, IReadOnlyCollection<string> quotes) => Array(1, (ref MessagePackWriter w) =>
    {
        w.WriteMapHeader(3);
        Pair(ref w, "T", "subscription");
        Symbols(ref w, "trades", trades);
        Symbols(ref w, "quotes", quotes);
    });

    /// <summary>Quote (<c>q</c>) and trade (<c>t</c>) messages in one array, as the stream batches them.</summary>
    public static byte[] Market(IReadOnlyList<(string Symbol, SimQuote Quote)> quotes, IReadOnlyList<(string Symbol, SimQuote Quote)> trades) =>
        Array(quotes.Count + trades.Count, (ref MessagePackWriter w) =>
        {
            foreach (var (symbol, quote) in quotes)
            {
                WriteQuote(ref w, symbol, quote);
            }

            foreach (var (symbol, quote) in trades)
            {
                WriteTrade(ref w, symbol, quote);
            }
        });

    /// <summary>A client message; <see cref="QuoteStreamCommand.Unreadable"/> when it is not a map with an action.</summary>
    public static QuoteStreamCommand ReadCommand(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var reader = new MessagePackReader(bytes);
            if (reader.NextMessagePackType != MessagePackType.Map)
            {
                return QuoteStreamCommand.Unreadable;
            }

            string? action = null, key = null, secret = null;
            IReadOnlyList<string> quotes = [], trades = [];
            for (var fields = reader.ReadMapHeader(); fields > 0; fields--)
            {
                switch (reader.ReadString())
                {
                    case "action": action = reader.ReadString(); break;
                    case "key": key = reader.ReadString(); break;
                    case "secret": secret = reader.ReadString(); break;
                    case "quotes": quotes = ReadSymbols(ref reader); break;
                    case "trades": trades = ReadSymbols(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new QuoteStreamCommand(action, key, secret, quotes, trades);
        }
        catch (MessagePackSerializationException)
        {
            return QuoteStreamCommand.Unreadable;
        }
        catch (EndOfStreamException)
        {
            return QuoteStreamCommand.Unreadable;
        }
    }

    private static void WriteQuote(ref MessagePackWriter w, string symbol, SimQuote quote)
    {
        w.WriteMapHeader(10);
        Pair(ref w, "T", "q");
        Pair(ref w, "S", symbol);
        w.Write("t");
        w.Write(quote.Time.UtcDateTime);
        Pair(ref w, "bx", Exchange);
        w.Write("bp");
        w.Write((double)quote.Bid);
        w.Write("bs");
        w.Write(quote.BidSize);
        Pair(ref w, "ax", Exchange);
        w.Write("ap");
        w.Write((double)quote.Ask);
        w.Write("as");
        w.Write(quote.AskSize);
        Pair(ref w, "c", QuoteCondition);
    }

    /// <summary>The simulator prints a one-lot trade at the mid whenever the quote changes (as its REST trades do).</summary>
    private static void WriteTrade(ref MessagePackWriter w, string symbol, SimQuote quote)
    {
        w.WriteMapHeader(7);
        Pair(ref w, "T", "t");
        Pair(ref w, "S", symbol);
        w.Write("t");
        w.Write(quote.Time.UtcDateTime);
        w.Write("p");
        w.Write((double)Math.Round(quote.Mid, 2, MidpointRounding.AwayFromZero));
        w.Write("s");
        w.Write(1);
        Pair(ref w, "x", Exchange);
        Pair(ref w, "c", TradeCondition);
    }

    private static IReadOnlyList<string> ReadSymbols(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return [];
        }

        var symbols = new List<string>();
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            if (reader.ReadString() is { Length: > 0 } symbol)
            {
                symbols.Add(symbol);
            }
        }

        return symbols;
    }

    private static void Pair(ref MessagePackWriter w, string name, string value)
    {
        w.Write(name);
        w.Write(value);
    }

    private static void Symbols(ref MessagePackWriter w, string name, IReadOnlyCollection<string> symbols)
    {
        w.Write(name);
        w.WriteArrayHeader(symbols.Count);
        foreach (var symbol in symbols)
        {
            w.Write(symbol);
        }
    }

    private delegate void WriteElements(ref MessagePackWriter writer);

    private static byte[] Array(int count, WriteElements elements)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(count);
        elements(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
