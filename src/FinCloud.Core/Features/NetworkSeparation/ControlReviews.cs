using FinCloud.Core.Audit;
using FinCloud.Rules;
using FinCloud.Rules.NetworkSeparation;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.NetworkSeparation;

/// <summary>One half-year's review of one exemption, as the schedule and the records show it on a day.</summary>
public sealed record ControlReviewLine(
    Guid ExemptionId,
    string ExemptionTitle,
    HalfYear Half,
    DateOnly DueBy,
    ReviewStatus Status,
    Guid? AssignedTo,
    DateOnly? CompletedOn,
    string? CommitteeAgendaItem);

/// <summary>
/// 반기 이행점검 (시행세칙 제2조의3④ [3P]; ED-14): scheduled from the half the exemption went active in, assigned,
/// completed with the 정보보호위원회 agenda item it was reported under; overdue after the last day of the half.
/// </summary>
public static class ControlReviews
{
    /// <summary>The reviews due so far for active or suspended exemptions whose route requires them, as of today (KST).</summary>
    public static async Task<List<ControlReviewLine>> ScheduleAsync(FinCloudDbContext db, Guid? exemptionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = KoreanTime.Today(db.Clock);
        var exemptions = await db.SeparationExemptions.AsNoTracking()
            .Where(e => e.ActiveFrom != null && (exemptionId == null || e.Id == exemptionId))
            .ToListAsync(ct);
        var ids = exemptions.Select(e => e.Id).ToList();
        var records = await db.HalfYearlyControlReviews.AsNoTracking().Where(r => ids.Contains(r.ExemptionId)).ToListAsync(ct);
        var lines = new List<ControlReviewLine>();
        foreach (var exemption in exemptions.Where(e => e.Catalogue.HalfYearlyReview is not null && e.Status != ExemptionStatus.Closed))
        {
            foreach (var half in HalfYearlyReviewSchedule.Halves(exemption.ActiveFrom!.Value, today))
            {
                var record = records.FirstOrDefault(r => r.ExemptionId == exemption.Id && r.Year == half.Year && r.Half == half.Half);
                var done = record?.CompletedOn is not null;
                lines.Add(new(exemption.Id, exemption.Title, half, half.DueBy, HalfYearlyReviewSchedule.StatusOf(half, today, done),
                    record?.AssignedTo, record?.CompletedOn, record?.CommitteeAgendaItem));
            }
        }

        return lines.OrderBy(l => l.DueBy).ThenBy(l => l.ExemptionTitle, StringComparer.Ordinal).ToList();
    }

    /// <summary>Assigns the review to a member of the organisation; null when the exemption or the member is not found.</summary>
    public static async Task<HalfYearlyControlReview?> AssignAsync(FinCloudDbContext db, Guid exemptionId, HalfYear half, Guid assignee, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Memberships.AnyAsync(m => m.UserId == assignee, ct))
        {
            return null;
        }

        var review = await FindOrCreateAsync(db, exemptionId, half, ct);
        if (review is null)
        {
            return null;
        }

        review.Assign(assignee);
        db.Audit(AuditEventType.ControlReviewAssigned, nameof(SeparationExemption), exemptionId, after: $"half={half.Year}H{half.Half}; assignee={assignee}");
        await db.SaveChangesAsync(ct);
        return review;
    }

    public static async Task<HalfYearlyControlReview?> CompleteAsync(FinCloudDbContext db, Guid exemptionId, HalfYear half, string outcome, string committeeAgendaItem, CancellationToken ct)
    {
        var review = await FindOrCreateAsync(db, exemptionId, half, ct);
        if (review is null)
        {
            return null;
        }

        review.Complete(KoreanTime.Today(db.Clock), outcome, committeeAgendaItem);
        db.Audit(AuditEventType.ControlReviewCompleted, nameof(SeparationExemption), exemptionId,
            after: $"half={half.Year}H{half.Half}; completedOn={review.CompletedOn:yyyy-MM-dd}; agenda={review.CommitteeAgendaItem}");
        await db.SaveChangesAsync(ct);
        return review;
    }

    private static async Task<HalfYearlyControlReview?> FindOrCreateAsync(FinCloudDbContext db, Guid exemptionId, HalfYear half, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.SeparationExemptions.AnyAsync(e => e.Id == exemptionId && e.ActiveFrom != null, ct))
        {
            return null;
        }

        var review = await db.HalfYearlyControlReviews.SingleOrDefaultAsync(r => r.ExemptionId == exemptionId && r.Year == half.Year && r.Half == half.Half, ct);
        if (review is null)
        {
            review = HalfYearlyControlReview.For(exemptionId, half, db.Clock.GetUtcNow());
            db.HalfYearlyControlReviews.Add(review);
        }

        return review;
    }
}
