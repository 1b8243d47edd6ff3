namespace PositionManager.Domain.Quotes;

public enum QuoteProblem
{
    NonFinite,
    NonPositive,
    OutOfRange,
    Crossed,
    Stale,
    FromTheFuture,
    WrongSymbol,
}
