using FinCloud.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.NetworkSeparation;

/// <summary>연장: records an extension of the exemption's period (e.g. a designation extended by the FSC).</summary>
public static class ExtendExemption
{
    /// <summary>The exemption, or null when not found; <c>Refused</c> when the new end does not prolong the period.</summary>
    public static async Task<(SeparationExemption? Exemption, bool Refused)> HandleAsync(
        FinCloudDbContext db, Guid exemptionId, DateOnly until, string basis, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var exemption = await db.SeparationExemptions.SingleOrDefaultAsync(e => e.Id == exemptionId, ct);
        if (exemption is null)
        {
            return (null, false);
        }

        var before = exemption.EffectiveEnd;
        if (!exemption.Extend(until))
        {
            return (exemption, true);
        }

        db.Audit(AuditEventType.ExemptionExtended, nameof(SeparationExemption), exemption.Id,
            before: before?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "not-stated",
            after: $"{until:yyyy-MM-dd}; basis={basis.Trim()}");
        await db.SaveChangesAsync(ct);
        return (exemption, false);
    }
}
