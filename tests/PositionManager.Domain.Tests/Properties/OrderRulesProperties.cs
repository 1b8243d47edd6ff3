using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PositionManager.Domain.Orders;

namespace PositionManager.Domain.Tests.Properties;

public class OrderRulesProperties
{
    /// <summary>
    /// (a) Whatever is asked, an order the rules accept, filled in full against the broker's
    /// position, never leaves it short of a long (or long of a short), never larger, and only ever
    /// touches the symbol that is held.
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property An_accepted_order_never_opens_or_enlarges_a_position() =>
        Prop.ForAll(Generators.Drafts().ToArbitrary(), Generators.BrokerViews().ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (draft, held, halted) =>
        {
            var check = OrderRules.Check(draft, held, halted);
            if (check.Request is not { } request)
            {
                return check.Violations.Count > 0;
            }

            var before = held!.Side == PositionSide.Long ? held.Quantity : -held.Quantity;
            var after = before + (request.Side == OrderSide.Buy ? request.Quantity : -request.Quantity);
            return !halted
                && request.Symbol.Value == held.Symbol
                && request.Intent.IsClosing()
                && Math.Sign(after) != -Math.Sign(before)
                && Math.Abs(after) < Math.Abs(before)
                && request.Quantity <= held.QuantityAvailable;
        });

    [Property(MaxTest = 1000)]
    public Property Violations_are_exactly_the_reason_a_draft_is_refused() =>
        Prop.ForAll(Generators.Drafts().ToArbitrary(), Generators.BrokerViews().ToArbitrary(), (draft, held) =>
        {
            var check = OrderRules.Check(draft, held, false);
            return check.IsAccepted == (check.Violations.Count == 0)
                && check.Violations.Select(v => v.Code).Distinct().Count() == check.Violations.Count;
        });
}
