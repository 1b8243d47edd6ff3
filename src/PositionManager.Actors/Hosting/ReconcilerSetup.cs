using PositionManager.Actors.Reconciliation;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Actors.Hosting;

/// <summary>What the reconciler singleton needs: the broker to read, where contracts are looked up, and its settings (interval, policy rules).</summary>
public sealed record ReconcilerSetup(IBrokerClient Broker, IContractDirectory Contracts, ReconcilerSettings Settings);
