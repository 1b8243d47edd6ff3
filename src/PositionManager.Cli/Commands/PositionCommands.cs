using System.CommandLine;
using PositionManager.Admin;
using PositionManager.Cli.Output;

namespace PositionManager.Cli.Commands;

/// <summary><c>positions list</c> and <c>position show | history | close | policy</c>.</summary>
public static class PositionCommands
{
    private static AdminJsonContext Json => AdminJsonContext.Default;

    public static Command List(Terminal terminal)
    {
        var open = new Option<bool>("--open") { Description = "open positions only" };
        var closed = new Option<bool>("--closed") { Description = "closed positions only" };
        var underlying = new Option<string?>("--underlying") { Description = "positions on this underlying only (e.g. AAPL)" };
        return new Command("positions", "every position the journal knows")
        {
            new Command("list", "positions with their quantity, entry, peak, stop and last price") { open, closed, underlying }.Does(terminal, async c =>
            {
                var (isOpen, isClosed) = (c.Parse.GetValue(open), c.Parse.GetValue(closed));
                if (isOpen && isClosed)
                {
                    throw new PmctlError("--open and --closed exclude each other; leave both out for every position", PmctlError.Usage);
                }

                var query = $"?status={(isOpen ? "open" : isClosed ? "closed" : "all")}";
                if (c.Parse.GetValue(underlying) is { Length: > 0 } root)
                {
                    query += $"&underlying={Uri.EscapeDataString(root)}";
                }

                c.Show(await c.Client.Get(AdminRoutes.Positions + query, Json.IReadOnlyListPositionSummary), Json.IReadOnlyListPositionSummary, RenderList);
            }),
        };
    }

    public static Command Create(Terminal terminal)
    {
        return new Command("position", "one position: its live state, its journal, a manual close, its policy")
        {
            Show(terminal),
            History(terminal),
            Close(terminal),
            PolicyCommand.Create(terminal),
        };
    }

    public static Argument<string> SymbolArgument() => new("symbol") { Description = "the OCC option symbol, e.g. AAPL270115C00250000" };

    private static Command Show(Terminal terminal)
    {
        var symbol = SymbolArgument();
        return new Command("show", "live state: quantity, entry, peak, stop and why, policy, pending exit, last quote and its age") { symbol }.Does(terminal, async c =>
            c.Show(await c.Client.Get(AdminRoutes.Position(c.Parse.GetRequiredValue(symbol)), Json.PositionDetail), Json.PositionDetail, RenderDetail));
    }

    private static Command History(Terminal terminal)
    {
        var symbol = SymbolArgument();
        return new Command("history", "the position's journal, event by event, with time") { symbol }.Does(terminal, async c =>
            c.Show(await c.Client.Get(AdminRoutes.PositionHistory(c.Parse.GetRequiredValue(symbol)), Json.PositionHistoryView), Json.PositionHistoryView, RenderHistory));
    }

    private static Command Close(Terminal terminal)
    {
        var symbol = SymbolArgument();
        var yes = new Option<bool>("--yes", "-y") { Description = "do not ask for confirmation" };
        return new Command("close", "close the whole position now at market, through the gateway (asks first)") { symbol, yes }.Does(terminal, async c =>
        {
            var target = c.Parse.GetRequiredValue(symbol);
            if (!c.Parse.GetValue(yes))
            {
                var position = await c.Client.Get(AdminRoutes.Position(target), Json.PositionDetail);
                Confirm(c.Terminal, position.Position);
            }

            ClusterCommands.Done(c, await c.Client.Post(AdminRoutes.PositionClose(target), Json.CommandResult));
        });
    }

    private static void Confirm(Terminal terminal, PositionSummary position)
    {
        var intent = position.Side == "Short" ? "buy_to_close" : "sell_to_close";
        terminal.Output.Write($"Close {position.Symbol}: {intent} {position.Quantity} at market through the gateway? [y/N] ");
        terminal.Output.Flush();
        var answer = terminal.Input.ReadLine();
        if (answer is null)
        {
            throw new PmctlError("no answer to confirm the close (no terminal?); pass --yes to close without asking", PmctlError.Usage);
        }

        if (!answer.Trim().Equals("y", StringComparison.OrdinalIgnoreCase) && !answer.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            throw new PmctlError($"not closed: {position.Symbol} is unchanged");
        }
    }

    private static void RenderList(IReadOnlyList<PositionSummary> positions, TextWriter output)
    {
        var table = new Table("SYMBOL", "STATUS", "SIDE", "QTY", "ENTRY", "PEAK", "STOP", "LAST", "PENDING EXIT");
        foreach (var p in positions)
        {
            table.Row(p.Symbol, p.Status, p.Side, p.Quantity.ToString(), Text.Money(p.EntryPrice), Text.Money(p.Peak), Text.Money(p.Stop), Text.Money(p.LastPrice), p.PendingExit);
        }

        table.WriteTo(output, "no positions");
    }

    private static void RenderDetail(PositionDetail detail, TextWriter output)
    {
        var p = detail.Position;
        output.WriteLine($"{p.Symbol}  {p.Status}  {p.Side} {p.Quantity} of {detail.OriginalQuantity}");
        output.WriteLine($"  entry        {Text.Money(p.EntryPrice)}   opened {Text.Time(detail.OpenedAt)}");
        output.WriteLine($"  peak         {Text.Money(p.Peak)}");
        output.WriteLine($"  stop         {Text.Money(p.Stop)}{(detail.TrailArmed ? string.Empty : " (trail not armed)")}");
        output.WriteLine($"  why          {detail.StopExplanation}");
        output.WriteLine($"  underlying   {detail.UnderlyingSymbol ?? "unknown (not read from the broker)"}");
        output.WriteLine($"  rule         {detail.RuleName ?? "none"}");
        output.WriteLine($"  policy       {detail.Policy}");
        output.WriteLine(detail.LastQuote is { } q
            ? $"  last quote   bid {Text.Number(q.Bid)} ask {Text.Number(q.Ask)} last {Text.Number(q.Last)}, received {detail.LastQuoteAgeSeconds:0.0} s ago (quoted {Text.Time(q.QuotedAt)})"
            : "  last quote   none since this actor started");
        output.WriteLine(detail.PendingExit is { } e
            ? $"  pending exit {e.ExitSequence} {e.Reason}: {e.FilledQuantity}/{e.Quantity} filled, client order id {e.ClientOrderId}, broker order {e.BrokerOrderId ?? "not yet"}{(e.LimitPrice is { } limit ? $", limit {Text.Money(limit)}" : string.Empty)}{(e.CancelAskedAt is { } asked ? $", cancel asked {Text.Time(asked)} (the market stayed through the limit; a re-priced exit follows once it ends)" : string.Empty)}"
            : "  pending exit none");
        if (detail.ConsecutiveRejections > 0)
        {
            output.WriteLine($"  refused      {detail.ConsecutiveRejections} closes in a row; next try not before {Text.Time(detail.RetryNotBefore)}");
        }

        if (detail.ClosedReason is { } reason)
        {
            output.WriteLine($"  closed       {reason}");
        }
    }

    private static void RenderHistory(PositionHistoryView history, TextWriter output)
    {
        output.WriteLine($"{history.PositionId}: {history.Events.Count} events");
        var table = new Table("#", "AT", "EVENT", "WHAT HAPPENED");
        foreach (var e in history.Events)
        {
            table.Row(e.SequenceNr.ToString(), Text.Time(e.At), e.Event, e.Details);
        }

        table.WriteTo(output, "no events");
    }
}
