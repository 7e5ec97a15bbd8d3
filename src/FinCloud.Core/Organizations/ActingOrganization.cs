using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Organizations;

/// <summary>What the organisation a context acts for is: a 금융회사, the FSI or the FSS decides what it may do.</summary>
public static class ActingOrganization
{
    /// <summary>Whether the organisation the context acts for is of <paramref name="kind"/>.</summary>
    public static Task<bool> ActsAsAsync(this FinCloudDbContext db, OrganizationKind kind, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var me = db.Tenant.RequireOrganization();
        return db.Organizations.AnyAsync(o => o.Id == me && o.Kind == kind, ct);
    }
}
