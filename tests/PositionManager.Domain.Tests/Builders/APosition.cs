using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;

namespace PositionManager.Domain.Tests.Builders;

/// <summary><c>APosition.Long(10).Of("GOOGL260220C00340000").At(5.00m).Trailing(...).Build()</c></summary>
public sealed class APosition
{
    public static readonly DateTimeOffset OpenedAt = new(2026, 2, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly PositionSide _side;
    private readonly int _quantity;
    private string _symbol = "GOOGL260220C00340000";
    private decimal _entry = 5.00m;
    private ExitPolicy _policy = ExitPolicy.None;

    private APosition(PositionSide side, int quantity)
    {
        _side = side;
        _quantity = quantity;
    }

    public static APosition Long(int quantity) => new(PositionSide.Long, quantity);

    public static APosition Short(int quantity) => new(PositionSide.Short, quantity);

    public APosition Of(string symbol)
    {
        _symbol = symbol;
        return this;
    }

    public APosition At(decimal entry)
    {
        _entry = entry;
        return this;
    }

    public APosition With(ExitPolicy policy)
    {
        _policy = policy;
        return this;
    }

    public OpenPosition Command() => new(_symbol, _side, _quantity, _entry, _policy, OpenOrigin.Opened);

    public PositionState Build() =>
        PositionState.New(_symbol).Apply(PositionDecisions.Open(PositionState.New(_symbol), Command(), OpenedAt).Events.Single());
}
