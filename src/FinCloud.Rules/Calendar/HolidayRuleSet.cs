using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Calendar;

/// <summary>
/// The statutory holiday rules as data (관공서의 공휴일에 관한 규정, 공휴일에 관한 법률; §H.1): fixed days,
/// lunar days, when each became eligible for a 대체공휴일, and the designated election and temporary days.
/// A law change is a new entry with its own <c>from</c> date, never an edit of an old one (ED-11).
/// </summary>
public sealed record HolidayRuleSet(
    string Version,
    int SupportedFrom,
    int SupportedTo,
    IReadOnlyList<SourceReference> Sources,
    IReadOnlyList<FixedHolidayRule> Fixed,
    IReadOnlyList<LunarHolidayRule> Lunar,
    IReadOnlyList<DesignatedHolidayData> Designated,
    IReadOnlyList<FixedHolidayRule> BankClosures,
    YearEndClosureRule ExchangeYearEndClosure);

public sealed record SourceReference(string Citation, string? SourceUrl, Confidence Confidence);

/// <summary>A holiday on the same solar day every year; eligible for a substitute from <see cref="SubstituteFrom"/>.</summary>
public sealed record FixedHolidayRule(int Month, int Day, string Name, DateOnly From, DateOnly? Until = null, DateOnly? SubstituteFrom = null, string? Note = null)
{
    public bool AppliesOn(DateOnly date) => date >= From && (Until is null || date <= Until);
}

/// <summary>
/// A holiday on a lunar date (설날, 부처님오신날, 추석), with the days around it.
/// 설날 and 추석 get a substitute only for a Sunday or another holiday, not for a Saturday (§H.1).
/// </summary>
public sealed record LunarHolidayRule(
    string Name,
    int Month,
    int Day,
    int DaysBefore,
    int DaysAfter,
    DateOnly From,
    DateOnly? SubstituteFrom,
    bool SaturdayTriggersSubstitute);

public sealed record DesignatedHolidayData(DateOnly Date, string Name, string Kind, Confidence Confidence, string? SourceUrl = null, string? Note = null);

public sealed record YearEndClosureRule(string Name, DateOnly From, Confidence Confidence);
