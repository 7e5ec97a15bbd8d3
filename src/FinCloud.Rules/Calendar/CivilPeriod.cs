namespace FinCloud.Rules.Calendar;

/// <summary>기간 계산 under 민법 제157조, 제160조 and 제161조 (ED-8).</summary>
public static class CivilPeriod
{
    /// <summary>
    /// Last day of a period of <paramref name="months"/> months that starts with an event on <paramref name="trigger"/>,
    /// before any holiday roll. The trigger day is not counted (제157조); the period ends on the day before the
    /// corresponding day of the last month, or on that month's last day when it has no corresponding day (제160조).
    /// </summary>
    public static DateOnly EndOfMonths(DateOnly trigger, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        var start = trigger.AddDays(1);
        var corresponding = start.AddMonths(months); // clamps to the month's last day when there is no such day
        return corresponding.Day == start.Day ? corresponding.AddDays(-1) : corresponding;
    }

    /// <summary>
    /// The due date of such a period: its last day, moved past Saturdays, Sundays and 관공서 holidays (제161조).
    /// Always on the public calendar: 5/1 does not move an FSS deadline (ED-10).
    /// </summary>
    public static DateOnly DueAfterMonths(DateOnly trigger, int months, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.NextBusinessDayOnOrAfter(EndOfMonths(trigger, months), CalendarKind.Public);
    }
}
