using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Continuity;

/// <summary>One system's switchover as executed in a drill.</summary>
public sealed record DrillStep(string SystemId, TimeSpan Rto, DateTimeOffset? StartedAt, DateTimeOffset? RecoveredAt, bool Succeeded);

/// <summary>The measured result of one system against its RTO (ED-19).</summary>
public sealed record DrillStepResult(string SystemId, TimeSpan Rto, TimeSpan? Achieved, bool Met, string Reason)
{
    /// <summary>Positive when the RTO was missed, negative when it was met with time to spare.</summary>
    public TimeSpan? Overrun => Achieved - Rto;
}

/// <summary>A core system's place in the 12-month coverage view.</summary>
public sealed record CoverageCell(string SystemId, int Year, int Month, bool? Met);

/// <summary>The annual 비상대응훈련 duty on a day (제24조; ED-19).</summary>
public sealed record DrillDutyStatus(bool HeldThisYear, DateOnly? LastDrill, DateOnly DueBy, bool MoreThanTwelveMonths, Provision? Provision);

/// <summary>Drill arithmetic: achieved time vs RTO, coverage of core systems over 12 months, the yearly duty.</summary>
public static class DrillEvaluation
{
    /// <summary>
    /// Achieved recovery time is recovery minus start. A system that did not come up, or has no recorded times,
    /// has missed its RTO: an unmeasured drill proves nothing.
    /// </summary>
    public static DrillStepResult Evaluate(DrillStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.StartedAt is not { } start || step.RecoveredAt is not { } end)
        {
            return new DrillStepResult(step.SystemId, step.Rto, null, false, "시작·복구 시각이 기록되지 않아 목표 달성을 확인할 수 없습니다");
        }

        if (end < start)
        {
            return new DrillStepResult(step.SystemId, step.Rto, null, false, "복구 시각이 시작 시각보다 이릅니다");
        }

        var achieved = end - start;
        if (!step.Succeeded)
        {
            return new DrillStepResult(step.SystemId, step.Rto, achieved, false, "전환에 실패했습니다");
        }

        var met = achieved <= step.Rto;
        return new DrillStepResult(step.SystemId, step.Rto, achieved, met,
            met ? $"달성 {Format(achieved)} ≤ RTO {Format(step.Rto)}" : $"달성 {Format(achieved)} > RTO {Format(step.Rto)} (초과 {Format(achieved - step.Rto)})");
    }

    /// <summary>
    /// The 12 months ending with <paramref name="asOf"/>'s month, per core system: whether a drill that month met
    /// the RTO (true), only missed it (false) or none covered the system (null).
    /// </summary>
    public static IReadOnlyList<CoverageCell> Coverage(IEnumerable<string> coreSystemIds, IEnumerable<(DateOnly Day, DrillStepResult Result)> results, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(coreSystemIds);
        ArgumentNullException.ThrowIfNull(results);
        var first = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-11);
        var byCell = results
            .Where(r => r.Day >= first && r.Day <= asOf)
            .GroupBy(r => (r.Result.SystemId, r.Day.Year, r.Day.Month))
            .ToDictionary(g => g.Key, g => g.Any(r => r.Result.Met));
        return [.. coreSystemIds.SelectMany(id => Enumerable.Range(0, 12).Select(i =>
        {
            var month = first.AddMonths(i);
            return new CoverageCell(id, month.Year, month.Month, byCell.TryGetValue((id, month.Year, month.Month), out var met) ? met : null);
        }))];
    }

    /// <summary>Share of core systems drilled at least once in the 12 months.</summary>
    public static decimal CoverageShare(IReadOnlyList<CoverageCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var systems = cells.GroupBy(c => c.SystemId).ToList();
        return systems.Count == 0 ? 1m : (decimal)systems.Count(g => g.Any(c => c.Met is not null)) / systems.Count;
    }

    /// <summary>At least one drill per calendar year; also warn when more than 12 months have passed (ED-19).</summary>
    public static DrillDutyStatus Duty(IEnumerable<DateOnly> drillDays, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(drillDays);
        var version = RulebookLibrary.DisasterRecovery.InForce(asOf);
        var held = drillDays.Where(d => d <= asOf).ToList();
        var last = held.Count == 0 ? (DateOnly?)null : held.Max();
        var thisYear = held.Any(d => d.Year == asOf.Year);
        var dueBy = thisYear ? new DateOnly(asOf.Year + 1, 12, 31) : new DateOnly(asOf.Year, 12, 31);
        var stale = last is null || last.Value.AddMonths(12) < asOf;
        return new DrillDutyStatus(thisYear, last, dueBy, stale, version?.DrillProvision);
    }

    public static string Format(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}시간 {span.Minutes:00}분" : $"{(int)span.TotalMinutes}분";
}
