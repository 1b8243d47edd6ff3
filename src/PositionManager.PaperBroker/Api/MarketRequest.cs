using System.Globalization;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Time;
using PositionManager.PaperBroker.Wire;

namespace PositionManager.PaperBroker.Api;

/// <summary>Maps the control API's market body onto the calendar: omitted fields stay, given lists replace.</summary>
public static class MarketRequest
{
    public static BrokerError? Apply(MarketScheduleJson body, MarketCalendar calendar)
    {
        var current = calendar.Schedule;
        if (!TryDates(body.Holidays, out var holidays) || !TryDates(body.EarlyCloses, out var earlyCloses))
        {
            return BrokerError.Invalid("holidays and early_closes are lists of dates: YYYY-MM-DD");
        }

        return calendar.Set(MarketSchedule.Create(
            body.AlwaysOpen ?? current.AlwaysOpen,
            (IEnumerable<DateOnly>?)holidays ?? current.Holidays,
            (IEnumerable<DateOnly>?)earlyCloses ?? current.EarlyCloses));
    }

    public static MarketScheduleJson Describe(MarketSchedule schedule) => new()
    {
        AlwaysOpen = schedule.AlwaysOpen,
        Holidays = [.. schedule.Holidays.Select(WireTime.Date)],
        EarlyCloses = [.. schedule.EarlyCloses.Select(WireTime.Date)],
    };

    private static bool TryDates(IReadOnlyList<string>? texts, out List<DateOnly>? dates)
    {
        dates = null;
        if (texts is null)
        {
            return true;
        }

        dates = new List<DateOnly>(texts.Count);
        foreach (var text in texts)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return false;
            }

            dates.Add(date);
        }

        return true;
    }
}
