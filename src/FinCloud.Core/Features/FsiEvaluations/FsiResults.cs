using System.Text.Json;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.Exchange;
using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;
using FinCloud.Rules;
using FinCloud.Rules.Catalogue;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.Rulebooks;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.FsiEvaluations;

/// <summary>One item result as published.</summary>
public sealed record PublishedItem(string ItemId, ItemOutcome Outcome, string? Note, DateOnly? RemediationDue);

/// <summary><c>payload.json</c> of a <see cref="BundleKind.CspEvaluationResult"/> bundle, and what institutions receive in one installation.</summary>
public sealed record EvaluationResultPayload(
    Guid PublicationId,
    Guid? Supersedes,
    string ProviderName,
    string ServiceName,
    ServiceModel ServiceModel,
    FsiEvaluationType Type,
    string CatalogueId,
    DateOnly EvaluatedOn,
    DateOnly ValidUntil,
    FsiVerdict Verdict,
    IReadOnlyList<PublishedItem> Items)
{
    public static EvaluationResultPayload Of(PublishedEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Supersedes, e.ProviderName, e.ServiceName, e.ServiceModel, e.Type, e.CatalogueId, e.EvaluatedOn!.Value, e.ValidUntil!.Value, e.Verdict!.Value,
            e.Items.OrderBy(i => i.ItemId, StringComparer.Ordinal).Select(i => new PublishedItem(i.ItemId, i.Outcome, i.Note, i.RemediationDue)).ToList());
    }
}

/// <summary>A case that relies on an FSI result that was superseded or has expired.</summary>
public sealed record ReuseWarning(Guid CaseId, string CaseTitle, Guid ReceivedEvaluationId, string ProviderName, string ServiceName, string Reason, DateOnly ValidUntil);

/// <summary>
/// 대표평가: the FSI plans and records an evaluation against the catalogue in force and publishes it once; institutions
/// receive published results (same installation or signed bundle), reuse one for a service in their registry — the rules
/// engine then drops the covered items — and are warned in every case relying on a result that was superseded or expired.
/// </summary>
public static class FsiResults
{
    /// <summary>The catalogue in force on <paramref name="day"/>: the one the cloud-use rulebook in force reads.</summary>
    public static CspCatalogue CatalogueInForce(DateOnly day) => CspCatalogues.ForRegime(RulebookLibrary.CloudUseInForce(day).Id);

    public static async Task<PublishedEvaluation> PlanAsync(FinCloudDbContext db, string provider, string service, ServiceModel model, FsiEvaluationType type, Guid? supersedes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Any organisation may keep evaluations here; only the FSI's published results reach institutions.
        if (supersedes is { } old && !await db.PublishedEvaluations.AnyAsync(e => e.Id == old && e.State == PublicationState.Published, ct))
        {
            throw new InvalidOperationException("The result to supersede is not a published result of this organisation.");
        }

        var today = KoreanTime.Today(db.Clock);
        var e = PublishedEvaluation.Plan(provider, service, model, type, CatalogueInForce(today).Id, today, supersedes, db.Clock.GetUtcNow());
        db.PublishedEvaluations.Add(e);
        db.Audit(AuditEventType.FsiEvaluationPlanned, nameof(PublishedEvaluation), e.Id, after: $"type={type}; catalogue={e.CatalogueId}; supersedes={supersedes}");
        await db.SaveChangesAsync(ct);
        return e;
    }

    public static async Task<PublishedEvaluation?> RecordItemAsync(FinCloudDbContext db, Guid evaluationId, string itemId, ItemOutcome outcome, string? note, DateOnly? remediationDue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var e = await db.PublishedEvaluations.Include(x => x.Items).SingleOrDefaultAsync(x => x.Id == evaluationId, ct);
        if (e is null)
        {
            return null;
        }

        var catalogue = CspCatalogues.ById(e.CatalogueId);
        if (catalogue.Items.All(i => i.Id != itemId))
        {
            throw new ArgumentException($"'{itemId}' is not an item of catalogue {e.CatalogueId}.", nameof(itemId));
        }

        if (outcome == ItemOutcome.NotMet && remediationDue is null)
        {
            throw new ArgumentException("An unmet item needs a remediation due date (보완 기한).", nameof(remediationDue));
        }

        e.Record(itemId, outcome, note, remediationDue, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.FsiEvaluationItemRecorded, nameof(PublishedEvaluation), e.Id, after: $"item={itemId}; outcome={outcome}");
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>Publishes to every institution; the result it supersedes (if any) is marked superseded in the same transaction.</summary>
    public static async Task<PublishedEvaluation?> PublishAsync(FinCloudDbContext db, Guid evaluationId, FsiVerdict verdict, DateOnly evaluatedOn, DateOnly validUntil, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var e = await db.PublishedEvaluations.Include(x => x.Items).SingleOrDefaultAsync(x => x.Id == evaluationId, ct);
        if (e is null)
        {
            return null;
        }

        var now = db.Clock.GetUtcNow();
        e.Publish(verdict, evaluatedOn, validUntil, now);
        db.Audit(AuditEventType.FsiEvaluationPublished, nameof(PublishedEvaluation), e.Id, after: $"verdict={verdict}; valid-until={validUntil:yyyy-MM-dd}; items={e.Items.Count}");
        if (e.Supersedes is { } oldId)
        {
            var old = await db.PublishedEvaluations.SingleAsync(x => x.Id == oldId, ct);
            old.SupersedeWith(e.Id, now);
            db.Audit(AuditEventType.FsiEvaluationSuperseded, nameof(PublishedEvaluation), old.Id, before: "published", after: $"superseded by {e.Id}");
        }

        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>Records a result the institution received (from a bundle or this installation); a superseding result flags the one it replaces.</summary>
    public static async Task<ReceivedEvaluation?> ReceiveAsync(FinCloudDbContext db, string issuer, EvaluationResultPayload payload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(payload);
        if (await db.ReceivedEvaluations.AnyAsync(r => r.PublicationId == payload.PublicationId, ct))
        {
            return null;
        }

        var now = db.Clock.GetUtcNow();
        var received = ReceivedEvaluation.Receive(payload.PublicationId, payload.Supersedes, issuer, payload.ProviderName, payload.ServiceName, payload.ServiceModel,
            payload.Type, payload.CatalogueId, payload.EvaluatedOn, payload.ValidUntil, payload.Verdict,
            JsonSerializer.Serialize(payload.Items, ExchangeBundle.Json), payload.Items.Count(i => i.Outcome == ItemOutcome.NotMet), now);
        db.ReceivedEvaluations.Add(received);
        db.Audit(AuditEventType.FsiEvaluationReceived, nameof(ReceivedEvaluation), received.Id, after: $"publication={payload.PublicationId}; verdict={payload.Verdict}");
        if (payload.Supersedes is { } old && await db.ReceivedEvaluations.SingleOrDefaultAsync(r => r.PublicationId == old, ct) is { } replaced)
        {
            replaced.MarkSuperseded(now);
            db.Audit(AuditEventType.FsiEvaluationSuperseded, nameof(ReceivedEvaluation), replaced.Id, before: "current", after: $"superseded by publication {payload.PublicationId}");
        }

        return received;
    }

    /// <summary>
    /// Brings the FSI's published results of this installation into the institution's list: new results are received,
    /// and results the FSI has since superseded are flagged.
    /// </summary>
    public static async Task<int> ReceiveFromInstallationAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.ActsAsAsync(OrganizationKind.FinancialInstitution, ct))
        {
            return 0;
        }

        var fsi = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Fsi).ToDictionaryAsync(o => o.Id, o => o.NameKo, ct);
        var fsiIds = fsi.Keys.ToList();
        var known = await db.ReceivedEvaluations.ToListAsync(ct);
        var knownIds = known.Select(r => r.PublicationId).ToList();
        var published = await db.PublishedEvaluations.AcrossTenants(AcrossTenantsReason.PublishedByFsi).AsNoTracking().Include(e => e.Items)
            .Where(e => fsiIds.Contains(e.OrganizationId) && e.State != PublicationState.Draft)
            .Where(e => !knownIds.Contains(e.Id) || e.State == PublicationState.Superseded)
            .OrderBy(e => e.Id)
            .ToListAsync(ct);
        var changes = 0;
        var now = db.Clock.GetUtcNow();
        foreach (var e in published)
        {
            var mine = known.FirstOrDefault(r => r.PublicationId == e.Id);
            if (mine is null)
            {
                mine = await ReceiveAsync(db, fsi[e.OrganizationId], EvaluationResultPayload.Of(e), ct);
                changes++;
            }

            if (e.State == PublicationState.Superseded && mine is { IsSuperseded: false })
            {
                mine.MarkSuperseded(now);
                db.Audit(AuditEventType.FsiEvaluationSuperseded, nameof(ReceivedEvaluation), mine.Id, before: "current", after: $"superseded by publication {e.SupersededBy}");
                changes++;
            }
        }

        if (changes > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return changes;
    }

    /// <summary>
    /// Reuses a received result for one of the institution's services: a registry evaluation of kind FSI is recorded, so
    /// cases on that service skip the items the result covers.
    /// </summary>
    public static async Task<CspEvaluation?> ReuseAsync(FinCloudDbContext db, Guid receivedId, Guid serviceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var received = await db.ReceivedEvaluations.SingleOrDefaultAsync(r => r.Id == receivedId, ct);
        if (received is null || !await db.CloudServices.AnyAsync(s => s.Id == serviceId, ct))
        {
            return null;
        }

        var today = KoreanTime.Today(db.Clock);
        if (!received.IsReusable || received.ProblemOn(today) is not null)
        {
            throw new InvalidOperationException("This result cannot be reused: it is 부적합, superseded or expired.");
        }

        var evaluation = CspEvaluation.Start(serviceId, null, CspEvaluationKind.Fsi, received.CatalogueId, received.EvaluatedOn, db.Clock.GetUtcNow());
        evaluation.Conclude(FsiEvaluationResult.Pass, received.EvaluatedOn, received.ValidUntil);
        db.CspEvaluations.Add(evaluation);
        received.ReusedFor(serviceId, evaluation.Id);
        db.Audit(AuditEventType.FsiEvaluationReused, nameof(ReceivedEvaluation), received.Id, after: $"service={serviceId}; registry-evaluation={evaluation.Id}");
        await db.SaveChangesAsync(ct);
        return evaluation;
    }

    /// <summary>Every case (or one case) whose current decision relied on a reused FSI result that was since superseded or expired.</summary>
    public static async Task<List<ReuseWarning>> WarningsAsync(FinCloudDbContext db, Guid? caseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await ReceiveFromInstallationAsync(db, ct);
        var today = KoreanTime.Today(db.Clock);
        var reused = (await db.ReceivedEvaluations.AsNoTracking().Where(r => r.ServiceId != null).ToListAsync(ct))
            .Where(r => r.ProblemOn(today) is not null).ToList();
        if (reused.Count == 0)
        {
            return [];
        }

        var serviceIds = reused.Select(r => r.ServiceId!.Value).Distinct().ToList();
        var cases = await db.CloudUseCases.AsNoTracking().Include(c => c.Versions)
            .Where(c => serviceIds.Contains(c.ServiceId) && (caseId == null || c.Id == caseId)).ToListAsync(ct);
        var warnings = new List<ReuseWarning>();
        foreach (var c in cases)
        {
            var fsi = c.Current.Scenario.Csp.FsiEvaluation;
            if (fsi is null)
            {
                continue;
            }

            // The result the decision read: the one reused for this service with that evaluation day.
            foreach (var r in reused.Where(r => r.ServiceId == c.ServiceId && r.EvaluatedOn == fsi.Date))
            {
                warnings.Add(new ReuseWarning(c.Id, c.Title, r.Id, r.ProviderName, r.ServiceName, r.ProblemOn(today)!, r.ValidUntil));
            }
        }

        return warnings;
    }
}
