using FinCloud.Core.Audit;
using FinCloud.Core.Persistence;
using FinCloud.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Identity;

/// <summary>
/// An operator frees an e-mail domain that an organisation's 기관 SSO names (<c>fincloud admin release-sso-domain</c>):
/// domains are claimed first come, without proof of ownership, so when the wrong organisation has named one, the
/// operator gives it back, and the rightful organisation can then name it. Recorded in the claimant's audit trail.
/// Members keep their accounts and roles; sign-ins and SCIM provisioning for that domain stop reaching the claimant.
/// </summary>
public static class DomainRelease
{
    public sealed record Released(Guid OrganizationId, string OrganizationName, string Domain, IReadOnlyList<string> RemainingDomains, bool SingleSignOnOn);

    /// <summary>Null when no organisation's SSO names <paramref name="domain"/>.</summary>
    public static async Task<Released?> ReleaseAsync(FinCloudDbContext db, string domain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = (domain ?? "").Trim().TrimStart('@').ToLowerInvariant();
        var all = await db.SingleSignOns.AcrossTenants(AcrossTenantsReason.OperatorDomainRelease).ToListAsync(ct);
        if (all.SingleOrDefault(s => s.DomainList.Contains(wanted)) is not { } sso)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        db.Tenant.Enter(sso.OrganizationId, null, ActorKind.System);
        var before = sso.Describe();
        sso.ReleaseDomain(wanted, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.SingleSignOnChanged, nameof(SingleSignOn), sso.Id, before: before, after: $"{sso.Describe()}; {wanted} released by the operator");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var name = await db.Organizations.Where(o => o.Id == sso.OrganizationId).Select(o => o.NameKo).SingleAsync(ct);
        return new Released(sso.OrganizationId, name, wanted, sso.DomainList, sso.Enabled);
    }
}
