using FsCheck;
using FsCheck.Fluent;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Quotes;
using PositionManager.Domain.Tests.Builders;

namespace PositionManager.Domain.Tests.Properties;

/// <summary>Generators that favour the cases that matter to money: near-misses, boundaries, wrong symbols.</summary>
public static class Generators
{
    public const string Call = "GOOGL260220C00340000";

    public static Gen<OrderDraft> Drafts() =>
        from symbol in Gen.Elements<string?>(Call, "GOOGL", "GOOGL260220C00350000", "SPY250117P00450500", null, "", "googl260220c00340000")
        from side in Gen.Elements<OrderSide?>(OrderSide.Sell, OrderSide.Buy, null)
        from intent in Gen.Elements<PositionIntent?>(PositionIntent.SellToClose, PositionIntent.BuyToClose, PositionIntent.SellToOpen, PositionIntent.BuyToOpen, null)
        from quantity in Gen.Elements(-1m, 0m, 0.5m, 1m, 2m, 3m, 5m, 9m, 10m, 11m, 20m, 2.5m)
        from type in Gen.Elements(OrderType.Market, OrderType.Limit)
        from tif in Gen.Elements<TimeInForce?>(TimeInForce.Day, TimeInForce.Gtc, null)
        from limit in Gen.Elements<decimal?>(null, 1.25m, 0m, 1.234m)
        from clientOrderId in Gen.Elements<string?>("pm-GOOGL260220C00340000-0a1b2c3d-1", null, new string('x', 49))
        select new OrderDraft(symbol, side, intent, quantity, type, tif, limit, clientOrderId);

    public static Gen<BrokerPositionView?> BrokerViews() =>
        Gen.OneOf(
            Gen.Constant<BrokerPositionView?>(null),
            from symbol in Gen.Elements(Call, "GOOGL", "SPY250117P00450500")
            from side in Gen.Elements(PositionSide.Long, PositionSide.Short)
            from held in Gen.Choose(0, 12)
            from reserved in Gen.Choose(0, 12)
            select (BrokerPositionView?)new BrokerPositionView(symbol, side, held, Math.Max(0, held - reserved)));

    /// <summary>Every trailing mode, with offsets from tight to loose and activations from none to far.</summary>
    public static Gen<TrailingStopRule> Trails() =>
        from mode in Gen.Elements(TrailMode.Percent, TrailMode.Amount, TrailMode.Giveback)
        from offset in mode switch
        {
            TrailMode.Percent => Gen.Elements(0.05m, 0.5m, 5m, 10m, 25m),
            TrailMode.Amount => Gen.Elements(0.01m, 0.05m, 0.5m, 1m),
            _ => Gen.Elements(0.01m, 1m, 25m, 50m, 99.99m, 100m),
        }
        from activation in Gen.Elements<decimal?>(null, 0m, 20m, 60m)
        from price in Gen.Elements<decimal?>(null, null, 4.00m, 6.00m)
        select new TrailingStopRule(mode, offset, activation, price);

    /// <summary>Time exits that fire within a walk (a short max hold, the session's close) and one that is due from the start.</summary>
    public static Gen<TimeExitRule?> TimeExits() =>
        Gen.Elements<TimeExitRule?>(
            null,
            null,
            new TimeExitRule(MaxHold: TimeSpan.FromMinutes(30)),
            new TimeExitRule(MinutesBeforeClose: 300),
            new TimeExitRule(MinutesBeforeCloseOnExpiry: 30, DaysBeforeExpiry: 18),
            new TimeExitRule(MinutesBeforeClose: 15, MaxHold: TimeSpan.FromHours(3)));

    public static Gen<ExitPolicy> Policies() =>
        from stopLoss in Gen.Elements<decimal?>(null, 10m, 25m, 50m)
        from takeProfit in Gen.Elements<decimal?>(null, 30m, 100m)
        from trail in Trails()
        from hasTrail in Gen.Elements(true, true, false)
        from scaleOut in Gen.Elements<IReadOnlyList<ScaleOutTarget>?>(null, [new ScaleOutTarget(20, 30)], [new ScaleOutTarget(15, 25), new ScaleOutTarget(40, 50)], ScaleOutText.Parse("50:50,75:25"))
        from time in TimeExits()
        from minHold in Gen.Elements<TimeSpan?>(null, null, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(20))
        from source in Gen.Elements(PriceSource.Bid, PriceSource.Mid, PriceSource.Ask)
        select new ExitPolicy(stopLoss, takeProfit, hasTrail ? trail : null, scaleOut, time, source, MinHold: minHold);

    /// <summary>One step of a walk: a price, how long after the step before it, and whether the market is open then.</summary>
    public sealed record Step(decimal Price, TimeSpan After, bool MarketOpen, bool ClockOnly);

    /// <summary>A walk like <see cref="PricePaths"/> in time: seconds to hours apart, the market now and then closed, the clock alone now and then.</summary>
    public static Gen<Step[]> Walks() =>
        (from move in Gen.Choose(-60, 60)
         from seconds in Gen.Elements(1, 1, 5, 30, 120, 900, 3600)
         from open in Gen.Elements(true, true, true, true, false)
         from clockOnly in Gen.Elements(false, false, false, true)
         select (Move: move / 100m, After: TimeSpan.FromSeconds(seconds), Open: open, ClockOnly: clockOnly))
        .ArrayOf()
        .Select(moves =>
        {
            var price = 5.00m;
            return moves.Select(m => new Step(price = Math.Max(0.01m, price + m.Move), m.After, m.Open, m.ClockOnly)).ToArray();
        });

    /// <summary>A walk of prices in cents around an entry of 5.00, with gaps and a few bad quotes.</summary>
    public static Gen<decimal[]> PricePaths() =>
        Gen.Choose(-60, 60).Select(step => step / 100m).ArrayOf().Select(steps =>
        {
            var price = 5.00m;
            return steps.Select(step => price = Math.Max(0.01m, price + step)).ToArray();
        });

    public static Gen<Builders.APosition> Positions() =>
        from side in Gen.Elements(true, false)
        from quantity in Gen.Choose(1, 20)
        from policy in Policies()
        select (side ? Builders.APosition.Long(quantity) : Builders.APosition.Short(quantity)).At(5.00m).With(policy);
}
