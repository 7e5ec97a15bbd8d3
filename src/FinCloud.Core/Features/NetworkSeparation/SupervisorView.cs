using FinCloud.Core.Audit;
using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;
using FinCloud.Rules;
using FinCloud.Rules.NetworkSeparation;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.NetworkSeparation;

/// <summary>One shared exemption as the FSS sees it: the institution, the SaaS and CSP, status and overdue reviews.</summary>
public sealed record SupervisedExemption(
    Guid ExemptionId,
    string Institution,
    string Title,
    SeparationExemptionKind Kind,
    ExemptionStatus Status,
    string? SaasName,
    string? CspName,
    string? DesignationId,
    DateOnly? ActiveFrom,
    int OverdueReviews);

/// <summary>A shared exemption in full (controls, evaluations, reviews, data sets) and the institution that shared it.</summary>
public sealed record SupervisedExemptionDetail(string Institution, ExemptionDetail Exemption);

public sealed record SupervisorFilter(SeparationExemptionKind? Kind = null, string? Saas = null, bool OverdueOnly = false);

/// <summary>
/// Sharing with the supervisor and the FSS's view. An institution shares an exemption explicitly (audited in its own
/// trail); the FSS reads only shared exemptions, past the tenant filter under <see cref="AcrossTenantsReason.SupervisoryGrant"/>,
/// and each read is audited in the FSS's trail.
/// </summary>
public static class SupervisorView
{
    public static async Task<SeparationExemption?> ShareAsync(FinCloudDbContext db, Guid exemptionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var exemption = await db.SeparationExemptions.SingleOrDefaultAsync(e => e.Id == exemptionId, ct);
        if (exemption is null)
        {
            return null;
        }

        if (exemption.ShareWithSupervisor(db.Clock.GetUtcNow()))
        {
            db.Audit(AuditEventType.SharedWithSupervisor, nameof(SeparationExemption), exemption.Id, after: "shared with FSS");
            await db.SaveChangesAsync(ct);
        }

        return exemption;
    }

    /// <summary>
    /// Every institution's exemptions shared with the supervisor. Exemptions are shared with the FSS only, so any other
    /// organisation has nothing shared with it and gets an empty list. The FSS's read is audited.
    /// </summary>
    public static async Task<List<SupervisedExemption>> ListAsync(FinCloudDbContext db, SupervisorFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        if (!await db.ActsAsAsync(OrganizationKind.Fss, ct))
        {
            return [];
        }

        var shared = await db.SeparationExemptions.AcrossTenants(AcrossTenantsReason.SupervisoryGrant).AsNoTracking()
            .Where(e => e.SharedWithSupervisorAt != null)
            .Where(e => filter.Kind == null || e.Kind == filter.Kind)
            .ToListAsync(ct);
        if (filter.Saas is { Length: > 0 } saas)
        {
            shared = shared.Where(e => e.SaasName?.Contains(saas, StringComparison.OrdinalIgnoreCase) == true).ToList();
        }

        var ids = shared.Select(e => e.Id).ToList();
        var reviews = await db.HalfYearlyControlReviews.AcrossTenants(AcrossTenantsReason.SupervisoryGrant).AsNoTracking()
            .Where(r => ids.Contains(r.ExemptionId) && r.CompletedOn != null).Select(r => new { r.ExemptionId, r.Year, r.Half }).ToListAsync(ct);
        var organizationIds = shared.Select(e => e.OrganizationId).Distinct().ToList();
        var names = await db.Organizations.Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.NameKo, ct);
        var today = KoreanTime.Today(db.Clock);
        var lines = shared.Select(e => new SupervisedExemption(
                e.Id, names.GetValueOrDefault(e.OrganizationId, "?"), e.Title, e.Kind, e.Status, e.SaasName, e.CspName, e.DesignationId, e.ActiveFrom,
                OverdueCount(e, today, reviews.Where(r => r.ExemptionId == e.Id).Select(r => new HalfYear(r.Year, r.Half)).ToHashSet())))
            .Where(l => !filter.OverdueOnly || l.OverdueReviews > 0)
            .OrderBy(l => l.Institution, StringComparer.Ordinal).ThenBy(l => l.Title, StringComparer.Ordinal)
            .ToList();
        db.Audit(AuditEventType.SharedRecordRead, nameof(SeparationExemption), null,
            after: $"supervisor view; exemptions={lines.Count}; institutions={lines.Select(l => l.Institution).Distinct().Count()}");
        await db.SaveChangesAsync(ct);
        return lines;
    }

    /// <summary>
    /// One shared exemption as its institution sees it, read-only, for the FSS: null for anyone else, and for an
    /// exemption that was not shared or does not exist. The institution's records are read in a context of its own that
    /// acts for the institution (a context serves one organisation) and never saves; the FSS's read is audited in its trail.
    /// </summary>
    /// <param name="db">The FSS's context.</param>
    /// <param name="options">The options to open the institution's context with (the application's).</param>
    public static async Task<SupervisedExemptionDetail?> SharedDetailAsync(
        FinCloudDbContext db, DbContextOptions<FinCloudDbContext> options, Guid exemptionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        if (!await db.ActsAsAsync(OrganizationKind.Fss, ct))
        {
            return null;
        }

        var owner = await db.SeparationExemptions.AcrossTenants(AcrossTenantsReason.SupervisoryGrant).AsNoTracking()
            .Where(e => e.Id == exemptionId && e.SharedWithSupervisorAt != null).Select(e => (Guid?)e.OrganizationId).SingleOrDefaultAsync(ct);
        if (owner is not { } organizationId)
        {
            return null;
        }

        var tenant = new TenantContext();
        tenant.Enter(organizationId, null, ActorKind.System);
        ExemptionDetail? detail;
        await using (var institution = new FinCloudDbContext(options, tenant, db.Clock))
        {
            detail = await ExemptionQueries.DetailAsync(institution, exemptionId, ct);
        }

        if (detail is null)
        {
            return null;
        }

        var name = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.NameKo).SingleAsync(ct);
        db.Audit(AuditEventType.SharedRecordRead, nameof(SeparationExemption), exemptionId, after: $"supervisor detail; institution={name}");
        await db.SaveChangesAsync(ct);
        return new SupervisedExemptionDetail(name, detail);
    }

    private static int OverdueCount(SeparationExemption e, DateOnly today, HashSet<HalfYear> done) =>
        e.ActiveFrom is not { } from || e.Catalogue.HalfYearlyReview is null || e.Status == ExemptionStatus.Closed
            ? 0
            : HalfYearlyReviewSchedule.Halves(from, today).Count(h => HalfYearlyReviewSchedule.StatusOf(h, today, done.Contains(h)) == ReviewStatus.Overdue);
}
