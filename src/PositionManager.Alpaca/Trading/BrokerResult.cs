namespace PositionManager.Alpaca.Trading;

/// <summary>The answer of one broker call: a value, or the failure that stopped it.</summary>
public readonly record struct BrokerResult<T>
{
    private BrokerResult(T? value, BrokerFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public BrokerFailure? Failure { get; }

    public bool IsSuccess => Failure is null;

    public static BrokerResult<T> Success(T value) => new(value, null);

    public static BrokerResult<T> Failed(BrokerFailure failure) => new(default, failure);

    public static implicit operator BrokerResult<T>(BrokerFailure failure) => Failed(failure);
}
