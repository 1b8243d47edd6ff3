using System.Buffers;
using MessagePack;

namespace PositionManager.Alpaca.MarketData.Streaming;

/// <summary>The client's messages of the options data stream, in MessagePack (the stream takes nothing else).</summary>
internal static class QuoteStreamRequests
{
    public static byte[] Auth(AlpacaSettings settings) => Map(3, (ref MessagePackWriter w) =>
    {
        Pair(ref w, "action", "auth");
        Pair(ref w, "key", settings.KeyId);
        Pair(ref w, "secret", settings.SecretKey);
    });

    public static byte[] Subscribe(IReadOnlyCollection<string> quotes) => Quotes("subscribe", quotes);

    public static byte[] Unsubscribe(IReadOnlyCollection<string> quotes) => Quotes("unsubscribe", quotes);

    private static byte[] Quotes(string action, IReadOnlyCollection<string> symbols) => Map(2, (ref MessagePackWriter w) =>
    {
        Pair(ref w, "action", action);
        w.Write("quotes");
        w.WriteArrayHeader(symbols.Count);
        foreach (var symbol in symbols)
        {
            w.Write(symbol);
        }
    });

    private static void Pair(ref MessagePackWriter w, string name, string value)
    {
        w.Write(name);
        w.Write(value);
    }

    private delegate void WriteFields(ref MessagePackWriter writer);

    private static byte[] Map(int fields, WriteFields write)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        var writer = new MessagePackWriter(buffer);
        writer.WriteMapHeader(fields);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
