using PositionManager.Actors.Reconciliation;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Actors.Hosting;

/// <summary>What the reconciler singleton needs: the broker to read and its settings (interval, default exit policy).</summary>
public sealed record ReconcilerSetup(IBrokerClient Broker, ReconcilerSettings Settings);
