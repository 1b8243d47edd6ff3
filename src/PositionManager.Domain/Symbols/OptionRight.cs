namespace PositionManager.Domain.Symbols;

public enum OptionRight
{
    Call,
    Put,
}
