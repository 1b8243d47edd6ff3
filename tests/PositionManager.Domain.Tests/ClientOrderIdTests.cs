using PositionManager.Domain.Orders;

namespace PositionManager.Domain.Tests;

public class ClientOrderIdTests
{
    private static readonly DateTimeOffset Opened = new(2026, 2, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_exit_always_gets_the_same_id()
    {
        Assert.Equal(
            ClientOrderId.For("GOOGL260220C00340000", "GOOGL260220C00340000", Opened, 3),
            ClientOrderId.For("GOOGL260220C00340000", "GOOGL260220C00340000", Opened, 3));
    }

    [Fact]
    public void Each_exit_sequence_and_each_lot_gets_its_own_id()
    {
        var first = ClientOrderId.For("GOOGL260220C00340000", "GOOGL260220C00340000", Opened, 1);

        Assert.NotEqual(first, ClientOrderId.For("GOOGL260220C00340000", "GOOGL260220C00340000", Opened, 2));
        Assert.NotEqual(first, ClientOrderId.For("GOOGL260220C00340000", "GOOGL260220C00340000", Opened.AddDays(1), 1));
        Assert.NotEqual(first, ClientOrderId.For("acct-2/GOOGL260220C00340000", "GOOGL260220C00340000", Opened, 1));
    }

    [Fact]
    public void The_id_names_the_contract_and_fits_in_48_characters_for_the_longest_root()
    {
        var id = ClientOrderId.For("some-long-account-name/SPXWXX261218P05000000", "SPXWXX261218P05000000", Opened, int.MaxValue);

        Assert.StartsWith("pm-SPXWXX261218P05000000-", id);
        Assert.True(id.Length <= ClientOrderId.MaxLength, $"{id.Length} characters");
    }

    [Fact]
    public void Exit_sequences_start_at_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClientOrderId.For("X", "SPY250117P00450500", Opened, 0));
    }
}
