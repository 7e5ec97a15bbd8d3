using System.Globalization;

namespace FinCloud.Rules.Calendar;

/// <summary>Derives one year's 관공서 holidays from the rules (§H.1): base days first, then substitutes.</summary>
internal static class HolidayComputer
{
    private static readonly KoreanLunisolarCalendar Lunar = new();

    public static List<Holiday> PublicHolidays(int year, HolidayRuleSet rules, IEnumerable<DesignatedHoliday> designated)
    {
        var names = new SortedDictionary<DateOnly, List<string>>();
        var kinds = new Dictionary<DateOnly, HolidayKind>();
        void Add(DateOnly date, string name, HolidayKind kind)
        {
            if (!names.TryGetValue(date, out var list))
            {
                names[date] = list = [];
                kinds[date] = kind;
            }

            if (!list.Contains(name))
            {
                list.Add(name);
            }
        }

        // Substitute triggers: the day that is lost, and the day after which the substitute is searched
        // (the end of the 연휴 for 설날/추석). Keyed by the lost day: two holidays on one day give one substitute.
        var triggers = new SortedDictionary<DateOnly, (DateOnly SearchAfter, List<string> Names)>();
        var eligible = new List<(DateOnly Day, DateOnly SearchAfter, string Name, bool Saturday)>();

        foreach (var rule in rules.Fixed)
        {
            var date = new DateOnly(year, rule.Month, rule.Day);
            if (!rule.AppliesOn(date))
            {
                continue;
            }

            Add(date, rule.Name, HolidayKind.Statutory);
            if (rule.SubstituteFrom is { } since && date >= since)
            {
                eligible.Add((date, date, rule.Name, true));
            }
        }

        foreach (var rule in rules.Lunar)
        {
            var day = LunarToSolar(year, rule.Month, rule.Day);
            if (day < rule.From)
            {
                continue;
            }

            var first = day.AddDays(-rule.DaysBefore);
            var last = day.AddDays(rule.DaysAfter);
            for (var d = first; d <= last; d = d.AddDays(1))
            {
                Add(d, rule.Name, HolidayKind.Statutory);
                if (rule.SubstituteFrom is { } since && d >= since)
                {
                    eligible.Add((d, last, rule.Name, rule.SaturdayTriggersSubstitute));
                }
            }
        }

        foreach (var extra in designated)
        {
            if (extra.Date.Year == year)
            {
                Add(extra.Date, extra.Name, extra.Kind);
            }
        }

        foreach (var (day, searchAfter, name, saturday) in eligible)
        {
            var lost = day.DayOfWeek == DayOfWeek.Sunday
                || (saturday && day.DayOfWeek == DayOfWeek.Saturday)
                || names[day].Count > 1;
            if (!lost)
            {
                continue;
            }

            if (triggers.TryGetValue(day, out var existing))
            {
                existing.Names.Add(name);
                triggers[day] = (searchAfter > existing.SearchAfter ? searchAfter : existing.SearchAfter, existing.Names);
            }
            else
            {
                triggers[day] = (searchAfter, [name]);
            }
        }

        var substitutes = new SortedDictionary<DateOnly, string>();
        foreach (var (_, (searchAfter, triggerNames)) in triggers)
        {
            // The first day after that is neither a weekend day, a holiday, nor an earlier substitute.
            var candidate = searchAfter.AddDays(1);
            while (candidate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
                || names.ContainsKey(candidate)
                || substitutes.ContainsKey(candidate))
            {
                candidate = candidate.AddDays(1);
            }

            substitutes[candidate] = string.Join('·', triggerNames.Distinct()) + " 대체공휴일";
        }

        var result = new List<Holiday>(names.Count + substitutes.Count);
        foreach (var (date, list) in names)
        {
            result.Add(new Holiday(date, string.Join(", ", list), false, kinds[date]));
        }

        foreach (var (date, name) in substitutes)
        {
            result.Add(new Holiday(date, name, true, HolidayKind.Substitute));
        }

        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return result;
    }

    /// <summary>
    /// Solar date of a lunar date in the given lunar year. <see cref="KoreanLunisolarCalendar"/> numbers months
    /// including the leap month (윤달), so every month from the leap month's index on shifts by one.
    /// </summary>
    public static DateOnly LunarToSolar(int lunarYear, int month, int day)
    {
        // Calendars are not documented as thread-safe; calendars with added holidays may be built concurrently.
        lock (Lunar)
        {
            var leap = Lunar.GetLeapMonth(lunarYear);
            var index = leap != 0 && month >= leap ? month + 1 : month;
            return DateOnly.FromDateTime(Lunar.ToDateTime(lunarYear, index, day, 0, 0, 0, 0));
        }
    }
}
