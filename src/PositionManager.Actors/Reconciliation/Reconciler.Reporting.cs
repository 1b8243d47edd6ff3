using Akka.Event;

namespace PositionManager.Actors.Reconciliation;

/// <summary>What a pass tells operators: adoptions, flats, alerts raised and cleared, and the metrics behind them.</summary>
public sealed partial class Reconciler
{
    private void Report(PassResult result, DateTimeOffset now)
    {
        foreach (var (positionId, source) in result.PriceSources)
        {
            _priceSources[positionId] = source;
        }

        foreach (var released in result.Released)
        {
            _priceSources.Remove(released.PositionId);
        }

        foreach (var adopted in result.Adopted)
        {
            ReconcilerMetrics.Adopted.Add(1);
            Log.Info("ADOPTED {PositionId} from the broker: {Adoption}", adopted, result.AdoptedWith.GetValueOrDefault(adopted, "as asked"));
        }

        if (result.ContractLookupFailures > 0)
        {
            ReconcilerMetrics.ContractLookupFailures.Add(result.ContractLookupFailures);
        }

        if (result.Contracts is { } contracts)
        {
            _contracts = contracts;
        }

        foreach (var flat in result.MarkedFlat)
        {
            ReconcilerMetrics.MarkedFlat.Add(1);
            Log.Warning("Position {PositionId} closed here: {Reason}", flat, FlatReason);
        }

        foreach (var note in result.Notes)
        {
            Log.Warning("Reconciliation: {Note}", note);
        }

        var (raised, cleared) = _alerts.Update(result.Findings, result.Unevaluated, now);
        ReconcilerMetrics.PublishActive(_alerts.Active.Count);
        foreach (var alert in raised)
        {
            ReconcilerMetrics.Alerts.Add(1, new KeyValuePair<string, object?>("kind", alert.Kind.ToString()));
            Context.System.EventStream.Publish(new AlertRaised(alert));
            if (alert.Kind == AlertKind.QuantityDrift)
            {
                ReconcilerMetrics.QuantityDrift.Add(1);
                Log.Warning("Quantity drift: {Message}", alert.Message);
            }
            else
            {
                Log.Error("ALERT {Kind}: {Message}", alert.Kind, alert.Message);
            }
        }

        foreach (var alert in cleared)
        {
            Log.Info("Alert cleared, {Kind} {Symbol} no longer holds", alert.Kind, alert.Symbol);
        }
    }
}
