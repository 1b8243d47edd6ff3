using PositionManager.Actors.Gateway;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;

namespace PositionManager.Actors.Tests.Gateway;

/// <summary>When the shared GET /v2/positions may stand in for a one-symbol read (invariant 4).</summary>
public sealed class BatchPositionReadTests
{
    private const string Held = "AAPL260220C00250000";
    private const string Other = "MSFT260220C00500000";
    private static readonly DateTimeOffset SentAt = new(2026, 12, 3, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_fresh_read_gives_the_held_view_and_none_for_a_symbol_it_does_not_list()
    {
        var batch = Kept(new BatchPositionRead(TimeSpan.FromSeconds(2)));

        Assert.True(batch.TryView(Held, SentAt.AddSeconds(1.9), out var held));
        Assert.Equal(new BrokerPositionView(Held, PositionSide.Long, 3, 2), held);
        Assert.True(batch.TryView(Other, SentAt.AddSeconds(1.9), out var none));
        Assert.Null(none);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(-0.001)]
    public void A_read_as_old_as_the_bound_or_from_a_clock_gone_backwards_is_not_used(double secondsLater)
    {
        var batch = Kept(new BatchPositionRead(TimeSpan.FromSeconds(2)));

        Assert.False(batch.TryView(Held, SentAt.AddSeconds(secondsLater), out _));
        Assert.False(batch.IsFresh(SentAt.AddSeconds(secondsLater)));
    }

    [Fact]
    public void An_answer_about_a_symbols_order_after_the_read_was_sent_makes_it_stale_for_that_symbol_only()
    {
        var batch = new BatchPositionRead(TimeSpan.FromSeconds(2));
        var mark = batch.Mark();
        batch.Answered(Held);
        batch.Keep([Position(Held)], SentAt, mark);

        Assert.False(batch.TryView(Held, SentAt, out _));
        Assert.True(batch.TryView(Other, SentAt, out _));
        Assert.True(batch.IsFresh(SentAt));
    }

    [Fact]
    public void An_answer_before_the_read_was_sent_leaves_it_usable()
    {
        var batch = new BatchPositionRead(TimeSpan.FromSeconds(2));
        batch.Answered(Held);

        Kept(batch);

        Assert.True(batch.TryView(Held, SentAt, out var view));
        Assert.NotNull(view);
    }

    [Fact]
    public void A_list_naming_a_symbol_twice_is_not_believed()
    {
        var batch = new BatchPositionRead(TimeSpan.FromSeconds(2));

        Assert.False(batch.Keep([Position(Held), Position(Held)], SentAt, batch.Mark()));
        Assert.False(batch.TryView(Other, SentAt, out _));
    }

    private static BatchPositionRead Kept(BatchPositionRead batch)
    {
        Assert.True(batch.Keep([Position(Held)], SentAt, batch.Mark()));
        return batch;
    }

    private static BrokerPosition Position(string symbol) => new(symbol, "us_option", PositionSide.Long, 3, 2, 5.00m, 5.10m);
}
