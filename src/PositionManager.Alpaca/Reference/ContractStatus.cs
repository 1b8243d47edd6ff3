namespace PositionManager.Alpaca.Reference;

/// <summary>Alpaca's option contract status; any other value is Malformed, not guessed.</summary>
public enum ContractStatus
{
    Active,
    Inactive,
}
