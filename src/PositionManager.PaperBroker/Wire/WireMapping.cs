using System.Globalization;
using PositionManager.Domain.Orders;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Contracts;
using PositionManager.PaperBroker.Market;
using PositionManager.PaperBroker.Time;

namespace PositionManager.PaperBroker.Wire;

/// <summary>The one place where the account's values take Alpaca's wire spelling.</summary>
public static class WireMapping
{
    public static string ToWire(this AssetClass assetClass) => assetClass == AssetClass.UsOption ? "us_option" : "us_equity";

    public static string ToWire(this PaperOrderType type) => type switch
    {
        PaperOrderType.Market => "market",
        PaperOrderType.Limit => "limit",
        PaperOrderType.Stop => "stop",
        _ => "stop_limit",
    };

    public static OrderJson ToJson(this PaperOrder o) => new()
    {
        Id = o.Id.ToString(),
        ClientOrderId = o.ClientOrderId,
        CreatedAt = WireTime.Utc(o.CreatedAt),
        UpdatedAt = WireTime.Utc(o.UpdatedAt),
        SubmittedAt = WireTime.Utc(o.CreatedAt),
        FilledAt = WireTime.Utc(o.FilledAt),
        ExpiredAt = WireTime.Utc(o.ExpiredAt),
        CanceledAt = WireTime.Utc(o.CanceledAt),
        FailedAt = WireTime.Utc(o.FailedAt),
        AssetId = o.AssetId.ToString(),
        Symbol = o.Symbol,
        AssetClass = o.AssetClass.ToWire(),
        Qty = WireDecimal.Qty(o.Qty),
        FilledQty = WireDecimal.Qty(o.FilledQty),
        FilledAvgPrice = WireDecimal.Price(o.FilledAvgPrice),
        OrderType = o.Type.ToWire(),
        Type = o.Type.ToWire(),
        Side = o.Side.ToWire(),
        PositionIntent = o.PositionIntent.ToWire(),
        TimeInForce = o.TimeInForce,
        LimitPrice = WireDecimal.Price(o.LimitPrice),
        StopPrice = WireDecimal.Price(o.StopPrice),
        Status = o.Status,
        ExtendedHours = o.ExtendedHours,
    };

    public static PositionJson ToJson(this PositionView v)
    {
        var p = v.Position;
        var plpc = v.CostBasis == 0 ? 0 : v.UnrealizedPl / Math.Abs(v.CostBasis);
        var change = v.LastdayPrice == 0 ? 0 : (v.CurrentPrice - v.LastdayPrice) / v.LastdayPrice;
        var intraday = (v.CurrentPrice - v.LastdayPrice) * p.Qty * p.Multiplier;
        return new PositionJson
        {
            AssetId = p.AssetId.ToString(),
            Symbol = p.Symbol,
            Exchange = p.AssetClass == AssetClass.UsOption ? "" : "NASDAQ",
            AssetClass = p.AssetClass.ToWire(),
            AvgEntryPrice = WireDecimal.Price(p.AvgEntryPrice),
            Qty = WireDecimal.Qty(p.Qty),
            QtyAvailable = WireDecimal.Qty(p.Qty < 0 ? -v.QtyAvailable : v.QtyAvailable),
            Side = p.Qty < 0 ? "short" : "long",
            MarketValue = WireDecimal.Price(v.MarketValue),
            CostBasis = WireDecimal.Price(v.CostBasis),
            UnrealizedPl = WireDecimal.Price(v.UnrealizedPl),
            UnrealizedPlpc = WireDecimal.Qty(Math.Round(plpc, 6)),
            UnrealizedIntradayPl = WireDecimal.Price(intraday),
            UnrealizedIntradayPlpc = WireDecimal.Qty(Math.Round(change * Math.Sign(p.Qty), 6)),
            CurrentPrice = WireDecimal.Price(v.CurrentPrice),
            LastdayPrice = WireDecimal.Price(v.LastdayPrice),
            ChangeToday = WireDecimal.Qty(Math.Round(change, 6)),
        };
    }

    public static AccountJson ToJson(this AccountView a) => new()
    {
        Id = a.Id.ToString(),
        AccountNumber = a.AccountNumber,
        Cash = WireDecimal.Price(a.Cash),
        BuyingPower = WireDecimal.Price(a.BuyingPower),
        RegtBuyingPower = WireDecimal.Price(a.BuyingPower),
        DaytradingBuyingPower = WireDecimal.Price(0m),
        OptionsBuyingPower = WireDecimal.Price(a.OptionsBuyingPower),
        Equity = WireDecimal.Price(a.Equity),
        LastEquity = WireDecimal.Price(a.Equity),
        PortfolioValue = WireDecimal.Price(a.Equity),
        LongMarketValue = WireDecimal.Price(a.LongMarketValue),
        ShortMarketValue = WireDecimal.Price(a.ShortMarketValue),
        CreatedAt = WireTime.Utc(a.CreatedAt),
    };

    public static ClockJson ToJson(this MarketClock c) =>
        new(WireTime.WithOffset(c.Timestamp), c.IsOpen, WireTime.WithOffsetSeconds(c.NextOpen), WireTime.WithOffsetSeconds(c.NextClose));

    public static CalendarDayJson ToJson(this MarketSession s) =>
        new(WireTime.Date(s.Date), WireTime.Clock(s.Open), WireTime.Clock(s.Close), WireTime.CompactClock(s.ExtendedOpen), WireTime.CompactClock(s.ExtendedClose), WireTime.Date(s.SettlementDate));

    public static OptionContractJson ToJson(this ContractView v)
    {
        var c = v.Contract;
        var strike = WireDecimal.Qty(c.Strike);
        var right = c.Right == OccSymbol.Call ? "call" : "put";
        return new OptionContractJson
        {
            Id = AssetIds.For(v.Symbol).ToString(),
            Symbol = v.Symbol,
            Name = string.Create(CultureInfo.InvariantCulture, $"{c.Root} {c.Expiry:MMM d yyyy} {strike} {(c.Right == OccSymbol.Call ? "Call" : "Put")}"),
            Status = v.Active ? "active" : "inactive",
            Tradable = v.Active,
            ExpirationDate = WireTime.Date(c.Expiry),
            RootSymbol = c.Root,
            UnderlyingSymbol = v.UnderlyingSymbol,
            UnderlyingAssetId = AssetIds.For(v.UnderlyingSymbol).ToString(),
            Type = right,
            Style = "american",
            StrikePrice = strike,
            Multiplier = "100",
            Size = "100",
        };
    }

    public static QuoteJson ToQuoteJson(this SimQuote q) =>
        new(WireTime.Utc(q.Time), "C", q.Bid, q.BidSize, "C", q.Ask, q.AskSize, " ");

    /// <summary>The simulator prints a one-lot trade at the mid whenever the quote changes.</summary>
    public static TradeJson ToTradeJson(this SimQuote q) =>
        new(WireTime.Utc(q.Time), "C", Math.Round(q.Mid, 2, MidpointRounding.AwayFromZero), 1, "I");

    public static TradeUpdateJson ToJson(this TradeUpdate u) => new()
    {
        Event = u.Event,
        EventId = u.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        At = WireTime.Utc(u.Timestamp),
        Timestamp = WireTime.Utc(u.Timestamp),
        Price = WireDecimal.Price(u.Price),
        Qty = WireDecimal.Qty(u.Qty),
        PositionQty = WireDecimal.Qty(u.PositionQty),
        ExecutionId = u.ExecutionId,
        Order = u.Order.ToJson(),
    };
}
