using System.Security.Cryptography;
using System.Text.Json;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Exchange;

/// <summary>The result of an import: what was created, or why nothing was.</summary>
public sealed record ImportOutcome(ExchangeManifest? Manifest, BundleRejection? Rejection, string Message, Guid? ImportedBundleId, Guid? CreatedRecordId)
{
    public bool Imported => Rejection is null;
}

/// <summary>
/// 번들 가져오기: verifies a bundle against the organisation's trusted-issuer register, refuses replays, and creates what it
/// carries (an inbox entry, a 보완요청) together with the import record in one transaction. A refused bundle changes
/// nothing except the audit event that records the refusal and its reason.
/// </summary>
public static class BundleImport
{
    private sealed class RefusedException(BundleRejection reason, string message) : Exception(message)
    {
        public BundleRejection Reason { get; } = reason;
    }

    public static async Task<ImportOutcome> ImportAsync(FinCloudDbContext db, byte[] bundle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(bundle);
        var organizationId = db.Tenant.RequireOrganization();
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct);
        var issuers = await db.TrustedIssuers.AsNoTracking().Where(i => i.RevokedAt == null).ToListAsync(ct);
        var check = ExchangeBundle.Verify(bundle, issuers.Select(i => ExchangeBundle.TrustedKeyFromPem(i.PublicKeyPem, i.IssuerName)).ToList());
        var sha = Convert.ToHexStringLower(SHA256.HashData(bundle));
        if (!check.IsValid)
        {
            return await RefuseAsync(db, check.Manifest, check.Rejection!.Value, check.Message, sha, ct);
        }

        var manifest = check.Manifest!;
        var issuer = issuers.Single(i => i.KeyId == check.Signer!.KeyId);
        if (await db.ImportedBundles.AnyAsync(b => b.BundleId == manifest.BundleId, ct))
        {
            return await RefuseAsync(db, manifest, BundleRejection.Replayed, $"Bundle {manifest.BundleId} was already imported.", sha, ct);
        }

        try
        {
            var imported = ImportedBundle.Record(manifest, issuer, sha, bundle, db.Clock.GetUtcNow());
            db.ImportedBundles.Add(imported);
            var created = manifest.Kind switch
            {
                BundleKind.CloudUseReport => ReceiveReport(db, organization, issuer, manifest, check.Payload),
                BundleKind.SupplementationRequest => await ReceiveSupplementationAsync(db, organization, issuer, manifest, check.Payload, ct),
                BundleKind.CspEvaluationResult => await ReceiveEvaluationAsync(db, organization, issuer, check.Payload, ct),
                _ => throw new RefusedException(BundleRejection.NotForThisOrganisation, $"Bundles of kind {manifest.Kind} cannot be imported here yet."),
            };
            db.Audit(AuditEventType.ExchangeBundleImported, nameof(ImportedBundle), imported.Id,
                after: $"bundle={manifest.BundleId}; kind={manifest.Kind}; issuerKey={issuer.KeyId}; sha256={sha}");
            await db.SaveChangesAsync(ct);
            return new ImportOutcome(manifest, null, "imported", imported.Id, created);
        }
        catch (RefusedException refused)
        {
            return await RefuseAsync(db, manifest, refused.Reason, refused.Message, sha, ct);
        }
        catch (JsonException e)
        {
            return await RefuseAsync(db, manifest, BundleRejection.UnsupportedSchema, "payload.json cannot be read: " + e.Message, sha, ct);
        }
        catch (DbUpdateException)
        {
            // Another import of the same bundle committed first (the unique index): a replay.
            return await RefuseAsync(db, manifest, BundleRejection.Replayed, $"Bundle {manifest.BundleId} was already imported.", sha, ct);
        }
    }

    private static async Task<ImportOutcome> RefuseAsync(FinCloudDbContext db, ExchangeManifest? manifest, BundleRejection reason, string message, string sha, CancellationToken ct)
    {
        // Nothing of the refused bundle stays tracked: only the refusal is written.
        db.ChangeTracker.Clear();
        db.Audit(AuditEventType.ExchangeBundleRejected, nameof(ImportedBundle), null,
            after: $"reason={BundleRejectionCodes.Code(reason)}; bundle={manifest?.BundleId.ToString() ?? "?"}; sha256={sha}");
        await db.SaveChangesAsync(ct);
        return new ImportOutcome(manifest, reason, message, null, null);
    }

    private static Guid ReceiveReport(FinCloudDbContext db, Organization organization, TrustedIssuer issuer, ExchangeManifest manifest, byte[] payloadBytes)
    {
        if (organization.Kind != OrganizationKind.Fss || issuer.IssuerKind != OrganizationKind.FinancialInstitution)
        {
            throw new RefusedException(BundleRejection.NotForThisOrganisation, "Cloud-use reports are imported by the FSS from a financial institution.");
        }

        var payload = JsonSerializer.Deserialize<ReportPayload>(payloadBytes, ExchangeBundle.Json) ?? throw new JsonException("empty payload");
        var submission = Submission.Receive(SubmissionKind.CloudUseReport, SubmissionChannel.ExchangeBundle, issuer.IssuerName, payload.Sector, null,
            payload.PackageId, manifest.BundleId, payload.Title, payload.TaskKey, payload.DueBy, payload.DueComputation, payload.SubmittedAt,
            payload.PackageSha256, payload.Case.GetRawText(), new ReportedWorkload(payload.CspName, payload.ServiceName, payload.Regions, payload.IsMaterial), db.Clock.GetUtcNow());
        db.Submissions.Add(submission);
        db.Audit(AuditEventType.SubmissionReceived, nameof(Submission), submission.Id,
            after: $"kind={submission.Kind}; channel=exchange-bundle; bundle={manifest.BundleId}; daysLate={submission.DaysLate}");
        return submission.Id;
    }

    private static async Task<Guid> ReceiveEvaluationAsync(FinCloudDbContext db, Organization organization, TrustedIssuer issuer, byte[] payloadBytes, CancellationToken ct)
    {
        if (organization.Kind != OrganizationKind.FinancialInstitution || issuer.IssuerKind != OrganizationKind.Fsi)
        {
            throw new RefusedException(BundleRejection.NotForThisOrganisation, "CSP evaluation results are imported by a financial institution from the FSI.");
        }

        var payload = JsonSerializer.Deserialize<FsiEvaluations.EvaluationResultPayload>(payloadBytes, ExchangeBundle.Json) ?? throw new JsonException("empty payload");
        var received = await FsiEvaluations.FsiResults.ReceiveAsync(db, issuer.IssuerName, payload, ct)
            ?? throw new RefusedException(BundleRejection.Replayed, $"Result {payload.PublicationId} was already received.");
        return received.Id;
    }

    private static async Task<Guid> ReceiveSupplementationAsync(FinCloudDbContext db, Organization organization, TrustedIssuer issuer, ExchangeManifest manifest, byte[] payloadBytes, CancellationToken ct)
    {
        if (organization.Kind != OrganizationKind.FinancialInstitution || issuer.IssuerKind != OrganizationKind.Fss)
        {
            throw new RefusedException(BundleRejection.NotForThisOrganisation, "A 보완요청 is imported by a financial institution from the FSS.");
        }

        var payload = JsonSerializer.Deserialize<SupplementationPayload>(payloadBytes, ExchangeBundle.Json) ?? throw new JsonException("empty payload");
        // The request must answer a report this organisation sent, and name the package that report carried.
        var answered = manifest.InReplyTo is { } replyTo
            && await db.ExportedBundles.AnyAsync(b => b.Id == replyTo && b.Kind == BundleKind.CloudUseReport && b.SubjectId == payload.PackageId, ct);
        if (!answered)
        {
            throw new RefusedException(BundleRejection.UnknownReference, "The request does not answer a report bundle this organisation sent.");
        }

        var request = SupplementationRequest.Receive(payload.PackageId, issuer.IssuerName, payload.Message, payload.RespondBy, payload.MessageId, db.Clock.GetUtcNow());
        db.SupplementationRequests.Add(request);
        db.Audit(AuditEventType.SupplementationRequestReceived, nameof(SupplementationRequest), request.Id,
            after: $"package={payload.PackageId}; bundle={manifest.BundleId}");
        return request.Id;
    }
}
