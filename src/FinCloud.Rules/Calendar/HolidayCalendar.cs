using System.Globalization;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Calendar;

/// <summary>
/// Korean business-day calendars (ED-9, ED-11): holidays derived by rule from the bundled rule set for the
/// supported years, plus designated election and temporary days. Immutable: <see cref="With"/> returns a new
/// calendar, so a deadline computed on one version never changes under its feet.
/// </summary>
public sealed class HolidayCalendar
{
    private static readonly Lazy<HolidayCalendar> Bundled = new(() => new HolidayCalendar(RulebookLibrary.LoadHolidayRules(), []));

    private readonly Dictionary<int, List<Holiday>> _publicHolidays = [];
    private readonly Lazy<BusinessDayIndex>[] _indexes;

    private HolidayCalendar(HolidayRuleSet rules, IReadOnlyList<DesignatedHoliday> added)
    {
        Rules = rules;
        Added = added;
        Designated = [.. rules.Designated.Select(ToDesignated), .. added];
        Version = added.Count == 0 ? rules.Version : $"{rules.Version}+{Fingerprint(added)}";
        for (var year = rules.SupportedFrom; year <= rules.SupportedTo; year++)
        {
            _publicHolidays[year] = HolidayComputer.PublicHolidays(year, rules, Designated);
        }

        _indexes =
        [
            new(() => new BusinessDayIndex(this, CalendarKind.Public)),
            new(() => new BusinessDayIndex(this, CalendarKind.Bank)),
            new(() => new BusinessDayIndex(this, CalendarKind.Exchange)),
        ];
    }

    /// <summary>The bundled calendar: rules and designated days as shipped.</summary>
    public static HolidayCalendar Default => Bundled.Value;

    public HolidayRuleSet Rules { get; }

    /// <summary>Election and temporary days: bundled plus those an administrator added.</summary>
    public IReadOnlyList<DesignatedHoliday> Designated { get; }

    /// <summary>Days added with <see cref="With"/> on top of the bundled data.</summary>
    public IReadOnlyList<DesignatedHoliday> Added { get; }

    /// <summary>Calendar version every computed deadline records (ED-11): the data version, plus a fingerprint of added days.</summary>
    public string Version { get; }

    public DateOnly FirstDay => new(Rules.SupportedFrom, 1, 1);

    public DateOnly LastDay => new(Rules.SupportedTo, 12, 31);

    /// <summary>
    /// A calendar with more designated days (a newly declared 임시공휴일, an election day). Substitutes are
    /// recomputed, since an added day can coincide with a holiday. Under 민법 제161조 this can only push a
    /// deadline later (ED-11).
    /// </summary>
    public HolidayCalendar With(IEnumerable<DesignatedHoliday> extraHolidays)
    {
        ArgumentNullException.ThrowIfNull(extraHolidays);
        var extra = extraHolidays.ToList();
        foreach (var day in extra)
        {
            if (day.Date < FirstDay || day.Date > LastDay)
            {
                throw new ArgumentOutOfRangeException(nameof(extraHolidays), day.Date, $"The calendar covers {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}.");
            }

            if (day.Kind is not (HolidayKind.Election or HolidayKind.Temporary))
            {
                throw new ArgumentException("Only election days and 임시공휴일 are added as data; the rest follows from the rules.", nameof(extraHolidays));
            }
        }

        return extra.Count == 0 ? this : new HolidayCalendar(Rules, [.. Added, .. extra]);
    }

    /// <summary>Closed days of the year for the calendar, weekend days inside 설날/추석 included.</summary>
    public IReadOnlyList<Holiday> Holidays(int year, CalendarKind kind = CalendarKind.Public)
    {
        if (!_publicHolidays.TryGetValue(year, out var holidays))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The calendar covers the years {Rules.SupportedFrom} to {Rules.SupportedTo}.");
        }

        if (kind == CalendarKind.Public)
        {
            return holidays;
        }

        var result = new List<Holiday>(holidays);
        foreach (var rule in Rules.BankClosures)
        {
            var date = new DateOnly(year, rule.Month, rule.Day);
            if (rule.AppliesOn(date))
            {
                Merge(result, new Holiday(date, rule.Name, false, HolidayKind.WorkersDay));
            }
        }

        if (kind == CalendarKind.Exchange && new DateOnly(year, 12, 31) >= Rules.ExchangeYearEndClosure.From)
        {
            Merge(result, new Holiday(ExchangeYearEnd(year), Rules.ExchangeYearEndClosure.Name, false, HolidayKind.ExchangeYearEnd));
        }

        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return result;
    }

    public bool IsBusinessDay(DateOnly date, CalendarKind kind = CalendarKind.Public) => Index(kind).IsBusinessDay(date);

    /// <summary>
    /// The date <paramref name="days"/> business days after <paramref name="date"/> (before, when negative).
    /// The start day itself is never counted, whether or not it is a business day.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly date, int days, CalendarKind kind = CalendarKind.Public) => Index(kind).AddBusinessDays(date, days);

    /// <summary>The day itself when it is a business day, otherwise the next one (민법 제161조).</summary>
    public DateOnly NextBusinessDayOnOrAfter(DateOnly date, CalendarKind kind = CalendarKind.Public) =>
        IsBusinessDay(date, kind) ? date : AddBusinessDays(date, 1, kind);

    /// <summary>KRX closes on 12/31, or on the year's last weekday when 12/31 is a weekend day (ED-9).</summary>
    public static DateOnly ExchangeYearEnd(int year)
    {
        var day = new DateOnly(year, 12, 31);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    internal IReadOnlyList<Holiday> PublicHolidays(int year) => _publicHolidays[year];

    private BusinessDayIndex Index(CalendarKind kind) => _indexes[(int)kind].Value;

    private static void Merge(List<Holiday> list, Holiday holiday)
    {
        var at = list.FindIndex(h => h.Date == holiday.Date);
        if (at < 0)
        {
            list.Add(holiday);
        }
        else
        {
            list[at] = list[at] with { Name = $"{list[at].Name}, {holiday.Name}" };
        }
    }

    private static DesignatedHoliday ToDesignated(DesignatedHolidayData data) => new(
        data.Date,
        data.Name,
        data.Kind == "election" ? HolidayKind.Election : HolidayKind.Temporary,
        data.Confidence,
        data.SourceUrl,
        data.Note);

    private static string Fingerprint(IEnumerable<DesignatedHoliday> days)
    {
        // FNV-1a over the added days: two administrators adding the same days get the same version.
        var hash = 2166136261u;
        foreach (var day in days.OrderBy(d => d.Date).ThenBy(d => d.Name, StringComparer.Ordinal))
        {
            foreach (var ch in day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + day.Name)
            {
                hash = (hash ^ ch) * 16777619u;
            }
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
