using FinCloud.Rules.Calendar;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Continuity;

/// <summary>전자금융사고 reporting thresholds and clocks (제73조 and the 시행세칙; ED-17) for one version.</summary>
public sealed record IncidentReportingVersion(
    string Id,
    DateOnly EffectiveFrom,
    Provision Provision,
    int OutageMinutes,
    int? OutageMinutesWithManySubscribers,
    int? ManySubscribers,
    int InitialReportHours,
    int InterimReportMonths,
    int InterimRepeatMonths,
    MajorIncidentCriteria? MajorIncident) : IDatedVersion
{
    /// <summary>Whether an outage of this length must be reported, given the service's subscribers when known.</summary>
    public bool IsReportable(TimeSpan outage, long? subscribers = null) =>
        outage >= TimeSpan.FromMinutes(OutageMinutes)
        || (OutageMinutesWithManySubscribers is { } shorter && ManySubscribers is { } many
            && subscribers >= many && outage >= TimeSpan.FromMinutes(shorter));

    /// <summary>최초보고: an hour clock from awareness that never rolls over holidays.</summary>
    public DateTimeOffset InitialReportDue(DateTimeOffset awareness) => awareness.AddHours(InitialReportHours);

    /// <summary>
    /// 중간보고 due dates while remediation is open: 2 months after awareness, then every 6 months after the previous
    /// due date, each by 민법 period arithmetic on the public calendar (ED-17, ED-8). The sources give no anchor; the
    /// previous due date (after any 제161조 roll) starts the next period.
    /// </summary>
    public IEnumerable<DateOnly> InterimReportsDue(DateOnly awareness, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = CivilPeriod.DueAfterMonths(awareness, InterimReportMonths, calendar);
        while (true)
        {
            yield return due;
            due = CivilPeriod.DueAfterMonths(due, InterimRepeatMonths, calendar);
        }
    }
}

/// <summary>중대사고 분류기준: meeting <see cref="DimensionsToQualify"/> of the dimensions makes an incident major (draft values flagged).</summary>
public sealed record MajorIncidentCriteria(IReadOnlyList<string> Dimensions, int DimensionsToQualify, int TimeHours, bool Draft, Confidence Confidence, string? SourceUrl);
