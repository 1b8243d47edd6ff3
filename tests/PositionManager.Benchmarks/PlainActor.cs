using Akka.Actor;

namespace PositionManager.Benchmarks;

/// <summary>The raw baseline: a local actor that reads a price, compares it with its peak, and answers a ping.</summary>
public sealed class PlainActor : UntypedActor
{
    private double _peak = 5.0;

    public sealed record Price(double Bid) : INoSerializationVerificationNeeded;

    public sealed record Ping : INoSerializationVerificationNeeded
    {
        public static readonly Ping Instance = new();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Price price when price.Bid > _peak:
                _peak = price.Bid;
                break;
            case Ping:
                Sender.Tell(_peak);
                break;
        }
    }
}
