using FinCloud.Core.Deadlines;
using FinCloud.Rules.NetworkSeparation;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.NetworkSeparation;

/// <summary>
/// The register's deadlines for the dashboard, reminders and calendar: each open half-yearly review (due by the
/// last day of its half, ED-14) and the end of each active exemption's period.
/// </summary>
public sealed class SeparationDeadlines : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenDeadlinesAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var deadlines = (await ControlReviews.ScheduleAsync(db, null, ct))
            .Where(r => r.Status is ReviewStatus.Due or ReviewStatus.Overdue)
            .Select(r => new Deadline(
                $"separation-exemption/review/{r.ExemptionId}/{r.Half.Year}-{r.Half.Half}",
                $"망분리 예외 반기 이행점검: {r.ExemptionTitle} ({r.Half.LabelKo})",
                r.DueBy,
                $"/separation-exemptions/{r.ExemptionId}",
                r.AssignedTo)
            {
                Category = DeadlineCategory.SeparationExemption,
                Basis = "반기 말일까지 통제 이행점검 후 정보보호위원회 보고 (전자금융감독규정 시행세칙 제2조의3④ [3P], ED-14)",
            })
            .ToList();
        var active = await db.SeparationExemptions.AsNoTracking()
            .Where(e => e.Status == ExemptionStatus.Active || e.Status == ExemptionStatus.Suspended)
            .ToListAsync(ct);
        deadlines.AddRange(active.Where(e => e.EffectiveEnd is not null).Select(e => new Deadline(
            $"separation-exemption/end/{e.Id}",
            $"망분리 예외 기간 만료: {e.Title}",
            e.EffectiveEnd!.Value,
            $"/separation-exemptions/{e.Id}")
        {
            Category = DeadlineCategory.SeparationExemption,
            Basis = e.ExtendedUntil is null ? "예외 기간 종료일" : "연장된 예외 기간 종료일",
        }));
        return deadlines;
    }
}
