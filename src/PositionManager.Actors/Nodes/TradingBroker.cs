namespace PositionManager.Actors.Nodes;

/// <param name="Kind">Embedded, paper, live or other.</param>
/// <param name="Host">The trading host and, when not the scheme's default, its port (<c>127.0.0.1:5080</c>); never a key.</param>
public sealed record TradingBroker(BrokerKind Kind, string Host)
{
    /// <summary><c>live</c>, <c>paper</c>, <c>embedded</c>; an other broker is named by its host, since its kind says nothing about it.</summary>
    public string Describe() => Kind == BrokerKind.Other ? $"other ({Host})" : Kind.ToString().ToLowerInvariant();
}
