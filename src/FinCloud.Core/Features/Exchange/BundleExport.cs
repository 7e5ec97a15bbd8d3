using FinCloud.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Exchange;

/// <summary>Signs a bundle with the organisation's key and records (audited) that it was handed out.</summary>
public static class BundleExport
{
    public static async Task<(ExportedBundle Record, byte[] Zip)> SignAsync(
        FinCloudDbContext db, ISigningKeyProtector protector, BundleKind kind, string title, Guid subjectId, Guid? inReplyTo,
        byte[] payload, IReadOnlyList<(string Name, byte[] Content)> documents, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var signingKey = await ExchangeKeys.EnsureSigningKeyAsync(db, protector, ct);
        var organizationId = db.Tenant.RequireOrganization();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct);
        var now = db.Clock.GetUtcNow();
        var bundleId = Guid.CreateVersion7(now);
        var issuer = new BundleIssuer(organization.NameKo, organization.NameEn, IssuerKindName(organization.Kind), signingKey.KeyId);
        byte[] zip;
        using (var key = ExchangeKeys.OpenPrivateKey(signingKey, protector))
        {
            zip = ExchangeBundle.Write(bundleId, kind, title, issuer, now, inReplyTo, payload, documents, key);
        }

        var record = ExportedBundle.Record(bundleId, kind, title, subjectId, inReplyTo, signingKey.KeyId, zip, now);
        db.ExportedBundles.Add(record);
        db.Audit(AuditEventType.ExchangeBundleExported, nameof(ExportedBundle), record.Id,
            after: $"kind={kind}; subject={subjectId}; sha256={record.Sha256}");
        await db.SaveChangesAsync(ct);
        return (record, zip);
    }

    public static string IssuerKindName(Organizations.OrganizationKind kind) => kind switch
    {
        Organizations.OrganizationKind.Fsi => "fsi",
        Organizations.OrganizationKind.Fss => "fss",
        _ => "financial-institution",
    };
}
