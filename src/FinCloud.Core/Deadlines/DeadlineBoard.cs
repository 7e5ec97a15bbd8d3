using FinCloud.Rules;
using Microsoft.EntityFrameworkCore;
using FinCloud.Rules.Calendar;

namespace FinCloud.Core.Deadlines;

/// <summary>Where a deadline stands on a given KST day.</summary>
public enum DeadlineStatus
{
    Overdue = 0,
    DueToday = 1,
    DueSoon = 2,
    Upcoming = 3,
}

/// <summary>A deadline as the dashboard shows it.</summary>
/// <param name="DaysLeft">Calendar days from today to the due date (negative when overdue).</param>
/// <param name="BusinessDaysLeft">Business days after today up to and including the due date (negative when overdue).</param>
public sealed record DeadlineRow(Deadline Deadline, DeadlineStatus Status, int DaysLeft, int BusinessDaysLeft);

/// <summary>
/// Collects every registered source's deadlines for the organisation in scope and orders them overdue first,
/// then by due date. "Soon" means within <see cref="SoonBusinessDays"/> business days on the Korean calendar.
/// </summary>
public sealed class DeadlineBoard(IEnumerable<IDeadlineSource> sources, TimeProvider clock, DeadlineSnapshots? snapshots = null)
{
    public const int SoonBusinessDays = 5;

    private readonly HolidayCalendar _calendar = HolidayCalendar.Default;

    public DateOnly Today => KoreanTime.Today(clock);

    /// <summary>The open deadlines of the organisation in scope, from every module.</summary>
    /// <remarks>
    /// Every state change writes an audit event in its own transaction, so the organisation's audit head
    /// (its last sequence number) names the version of everything the sources read: the same head on the same
    /// KST day gives the same deadlines. One indexed read then stands in for the dozen queries of the sources.
    /// The head is read before the sources, so a change racing with this call can only make the kept list newer
    /// than its key, never older; the next call sees the new head and reads again.
    /// </remarks>
    public async Task<IReadOnlyList<Deadline>> CollectAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (snapshots is null || db.Tenant.OrganizationId is not { } organization)
        {
            return await ReadSourcesAsync(db, ct);
        }

        var version = new DeadlineSnapshots.Version(Today, await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0);
        if (snapshots.TryGet(organization, version) is { } kept)
        {
            return kept;
        }

        var deadlines = await ReadSourcesAsync(db, ct);
        snapshots.Keep(organization, version, deadlines);
        return deadlines;
    }

    private async Task<IReadOnlyList<Deadline>> ReadSourcesAsync(FinCloudDbContext db, CancellationToken ct)
    {
        var all = new List<Deadline>();
        foreach (var source in sources)
        {
            all.AddRange(await source.OpenDeadlinesAsync(db, ct));
        }

        return all.AsReadOnly();
    }

    public async Task<IReadOnlyList<DeadlineRow>> RowsAsync(FinCloudDbContext db, CancellationToken ct) =>
        Rank(await CollectAsync(db, ct), Today);

    public IReadOnlyList<DeadlineRow> Rank(IEnumerable<Deadline> deadlines, DateOnly today) =>
        deadlines.Select(d => Row(d, today))
            .OrderBy(r => r.Status == DeadlineStatus.Overdue ? 0 : 1)
            .ThenBy(r => r.Deadline.DueOn)
            .ThenBy(r => r.Deadline.Title, StringComparer.Ordinal)
            .ToList();

    public DeadlineRow Row(Deadline deadline, DateOnly today)
    {
        var days = deadline.DueOn.DayNumber - today.DayNumber;
        var businessDays = BusinessDaysBetween(today, deadline.DueOn);
        var status = days switch
        {
            < 0 => DeadlineStatus.Overdue,
            0 => DeadlineStatus.DueToday,
            _ when businessDays <= SoonBusinessDays => DeadlineStatus.DueSoon,
            _ => DeadlineStatus.Upcoming,
        };
        return new DeadlineRow(deadline, status, days, businessDays);
    }

    /// <summary>
    /// The day a reminder <paramref name="daysBefore"/> days ahead is due: that calendar day, or the business day
    /// before it when it falls on a weekend or holiday, so a reminder never arrives late.
    /// </summary>
    public DateOnly ReminderDay(DateOnly dueOn, int daysBefore)
    {
        var day = dueOn.AddDays(-daysBefore);
        return InCalendar(day) && !_calendar.IsBusinessDay(day) ? _calendar.AddBusinessDays(day, -1) : day;
    }

    public bool IsBusinessDay(DateOnly day) => !InCalendar(day) || _calendar.IsBusinessDay(day);

    private int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        if (!InCalendar(from) || !InCalendar(to))
        {
            return to.DayNumber - from.DayNumber;
        }

        var sign = to >= from ? 1 : -1;
        var count = 0;
        // Bounded walk: dashboards show dates within a few years; beyond ~400 days the exact count does not matter.
        for (var d = from; d != to && Math.Abs(count) < 400; d = d.AddDays(sign))
        {
            var next = d.AddDays(sign);
            if (_calendar.IsBusinessDay(sign > 0 ? next : d))
            {
                count += sign;
            }
        }

        return count;
    }

    private bool InCalendar(DateOnly day) => day >= _calendar.FirstDay && day <= _calendar.LastDay;
}
