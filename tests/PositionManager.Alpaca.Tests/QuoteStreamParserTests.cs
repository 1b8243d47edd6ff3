using System.Buffers;
using MessagePack;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.MarketData.Streaming;

namespace PositionManager.Alpaca.Tests;

/// <summary>Decoding the options stream's MessagePack, byte by byte as Alpaca documents it.</summary>
public sealed class QuoteStreamParserTests
{
    private const string Call = "GOOGL260220C00340000";
    private static readonly DateTime Time = new(2026, 11, 24, 15, 0, 1, 250, DateTimeKind.Utc);

    [Fact]
    public void A_quote_with_a_timestamp_extension_decodes_to_a_market_quote()
    {
        var parsed = QuoteStreamParser.Parse(Message((ref MessagePackWriter w) => Quote(ref w, includeBid: true)));

        var quote = Assert.IsType<QuoteStreamMessage.Quote>(Assert.Single(parsed)).Value;
        Assert.Equal((Call, 4.8, 5.2, new DateTimeOffset(Time)), (quote.Symbol, quote.Bid, quote.Ask, quote.Time));
    }

    [Fact]
    public void A_quote_without_a_bid_is_malformed_not_priced_at_zero()
    {
        var parsed = QuoteStreamParser.Parse(Message((ref MessagePackWriter w) => Quote(ref w, includeBid: false)));

        Assert.Contains("bp", Assert.IsType<QuoteStreamMessage.Malformed>(Assert.Single(parsed)).Problem);
    }

    [Fact]
    public void A_message_that_is_not_an_array_is_malformed()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteMapHeader(0);
        writer.Flush();

        Assert.IsType<QuoteStreamMessage.Malformed>(Assert.Single(QuoteStreamParser.Parse(buffer.WrittenMemory)));
    }

    [Fact]
    public void The_stream_url_of_alpacas_data_host_is_its_stream_host_and_any_other_host_serves_it_itself()
    {
        var alpaca = new AlpacaSettings("PKKEY1", "secret1", dataBaseUrl: new Uri("https://data.alpaca.markets"));
        var paper = new AlpacaSettings("PKKEY1", "secret1", dataBaseUrl: new Uri("http://127.0.0.1:5123/"));

        Assert.Equal("wss://stream.data.alpaca.markets/v1beta1/opra", OptionsStreamUrl.For(alpaca, OptionsFeed.Opra).ToString());
        Assert.Equal("ws://127.0.0.1:5123/v1beta1/indicative", OptionsStreamUrl.For(paper, OptionsFeed.Indicative).ToString());
    }

    private delegate void Elements(ref MessagePackWriter writer);

    private static ReadOnlyMemory<byte> Message(Elements elements)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(1);
        elements(ref writer);
        writer.Flush();
        return buffer.WrittenMemory;
    }

    private static void Quote(ref MessagePackWriter w, bool includeBid)
    {
        w.WriteMapHeader(includeBid ? 5 : 4);
        w.Write("T");
        w.Write("q");
        w.Write("S");
        w.Write(Call);
        w.Write("t");
        w.Write(Time);
        if (includeBid)
        {
            w.Write("bp");
            w.Write(4.8);
        }

        w.Write("ap");
        w.Write(5.2);
    }
}
