using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.Exchange;
using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Lists;
using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;
using FinCloud.Web.Api;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Features.Exchange;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Supervision;

public sealed record SubmissionDto(
    Guid Id, SubmissionKind Kind, SubmissionChannel Channel, string Institution, InstitutionSector? Sector, string Title, DateOnly? DueOn,
    DateTimeOffset SubmittedAt, DateTimeOffset ReceivedAt, int DaysLate, SubmissionStatus Status, string PackageSha256, Guid? BundleId)
{
    public static SubmissionDto From(Submission s) =>
        new(s.Id, s.Kind, s.Channel, s.InstitutionName, s.Sector, s.Title, s.DueOn, s.SubmittedAt, s.ReceivedAt, s.DaysLate, s.Status, s.PackageSha256, s.BundleId);
}

public sealed record MessageDto(Guid Id, bool FromSupervisor, string Text, DateOnly? RespondBy, DateTimeOffset At);

/// <summary>A report in the inbox with what it is about (the workload) and the case JSON the institution sent.</summary>
public sealed record SubmissionDetailDto(SubmissionDto Submission, string DueComputation, ReportedWorkload Workload, JsonElement Payload, IReadOnlyList<MessageDto> Messages);

public sealed record ChangeStatusRequest(SubmissionStatus Status);

public sealed record SupplementationRequestBody(
    [property: Required, StringLength(4000, MinimumLength = 2)] string Message,
    DateOnly? RespondBy);

public sealed record ReceivedRequestDto(Guid Id, Guid PackageId, string Supervisor, string Message, DateOnly? RespondBy, DateTimeOffset ReceivedAt);

/// <summary>
/// 보고 접수함 (the FSS inbox) and 보완요청. Reports reach the inbox either from a signed bundle (another installation) or,
/// in the same installation, because the institution submitted the package: submitting is the explicit share, audited
/// in the institution's trail, and each copy into the FSS inbox is audited in the FSS's.
/// </summary>
public static class SupervisionApi
{
    public static RouteGroupBuilder MapSupervisionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("supervision").WithTags("Supervision");
        group.MapGet("submissions", ListAsync).ActsOnCallerOrganization("the caller's inbox (empty unless the caller is the FSS)");
        group.MapGet("submissions/{submissionId:guid}", GetAsync);
        group.MapGet("submissions/{submissionId:guid}/package", PackageAsync)
            .WithDescription("The report as the institution sent it: the signed bundle, or the package (documents, case.json, manifest, SHA256SUMS).");
        group.MapPost("submissions/{submissionId:guid}/status", ChangeStatusAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new ChangeStatusRequest(SubmissionStatus.UnderReview));
        group.MapPost("submissions/{submissionId:guid}/supplementation", RequestSupplementationAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new SupplementationRequestBody("출구전략의 데이터 반환 절차를 보완하여 제출하십시오.", new DateOnly(2027, 1, 15)));
        group.MapPost("submissions/{submissionId:guid}/supplementation-bundle", SupplementationBundleAsync).RequireAuthorization(Policies.Editor)
            .WithDescription("The latest 보완요청 as a signed bundle for an institution in another installation.");
        group.MapGet("requests", ReceivedRequestsAsync).ActsOnCallerOrganization("보완요청 the caller's organisation received");
        return group;
    }

    /// <summary>
    /// Copies report packages institutions of this installation submitted into the FSS inbox. Reads past the tenant filter
    /// only for the FSS and only submitted packages (the institution's explicit share); every copy is audited.
    /// </summary>
    public static async Task<int> ReceiveSharedAsync(FinCloudDbContext db, EvidenceStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        if (!await db.ActsAsAsync(OrganizationKind.Fss, ct))
        {
            return 0;
        }

        var known = await db.Submissions.Where(s => s.Kind == SubmissionKind.CloudUseReport).Select(s => s.SourceRecordId).ToListAsync(ct);
        var shared = await db.ReportPackages.AcrossTenants(AcrossTenantsReason.SupervisoryGrant).AsNoTracking()
            .Where(p => p.State == ReportPackageState.Submitted && !known.Contains(p.Id)).ToListAsync(ct);
        if (shared.Count == 0)
        {
            return 0;
        }

        var caseIds = shared.Select(p => p.CaseId).ToList();
        var titles = await db.CloudUseCases.AcrossTenants(AcrossTenantsReason.SupervisoryGrant).AsNoTracking()
            .Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var cases = await db.CloudUseCases.AcrossTenants(AcrossTenantsReason.SupervisoryGrant).AsNoTracking()
            .Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.ServiceId, c.IsMaterial }).ToDictionaryAsync(c => c.Id, ct);
        var serviceIds = cases.Values.Select(c => c.ServiceId).ToList();
        var services = await db.CloudServices.AcrossTenants(AcrossTenantsReason.SupervisoryGrant).AsNoTracking()
            .Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var providerIds = services.Values.Select(s => s.ProviderId).ToList();
        var providers = await db.CloudProviders.AcrossTenants(AcrossTenantsReason.SupervisoryGrant).AsNoTracking()
            .Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var organizationIds = shared.Select(p => p.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var now = db.Clock.GetUtcNow();
        foreach (var p in shared)
        {
            var files = ExchangeApi.ReadPackage(store, p);
            var organization = organizations[p.OrganizationId];
            var workload = cases.TryGetValue(p.CaseId, out var c) && services.TryGetValue(c.ServiceId, out var service)
                ? new ReportedWorkload(providers.GetValueOrDefault(service.ProviderId, "?"), service.Name, service.Regions, c.IsMaterial)
                : new ReportedWorkload("?", "?", "", false);
            var submission = Submission.Receive(SubmissionKind.CloudUseReport, SubmissionChannel.SameInstallation, organization.NameKo, organization.Sector,
                organization.Id, p.Id, null, titles.GetValueOrDefault(p.CaseId, "?"), p.TaskKey, p.DueBy, p.DueComputation, p.SubmittedAt ?? p.CreatedAt,
                p.Sha256, files is not null && files.TryGetValue("case.json", out var json) ? System.Text.Encoding.UTF8.GetString(json) : "{}", workload, now);
            db.Submissions.Add(submission);
            db.Audit(AuditEventType.SharedRecordRead, nameof(ReportPackage), p.Id, after: $"received into the inbox as {submission.Id}");
            db.Audit(AuditEventType.SubmissionReceived, nameof(Submission), submission.Id,
                after: $"kind={submission.Kind}; channel=same-installation; package={p.Id}; daysLate={submission.DaysLate}");
        }

        await db.SaveChangesAsync(ct);
        return shared.Count;
    }

    /// <summary>
    /// The inbox (API): newest first, or as <paramref name="sort"/> says, searched and filtered as the page is; the
    /// API's uniform paging (<c>page</c>, <c>pageSize</c>, <c>X-Total-Count</c>) pages it.
    /// </summary>
    public static async Task<Ok<List<SubmissionDto>>> ListAsync(
        FinCloudDbContext db, EvidenceStore store, SubmissionStatus? status, InstitutionSector? sector, bool? lateOnly, string? search = null, string? sort = null,
        bool descending = false, CancellationToken ct = default)
    {
        var query = new ListQuery { Search = search, Sort = sort, Descending = descending }
            .WithFilter("status", status?.ToString())
            .WithFilter("sector", sector?.ToString())
            .WithFilter("late", lateOnly == true ? "late" : null);
        return TypedResults.Ok(SubmissionList.Definition.Apply((await InboxAsync(db, store, ct)).AsQueryable(), query).ToList());
    }

    /// <summary>
    /// Every submission in the caller's inbox (after receiving what institutions of this installation shared), without
    /// the reported payload: an inbox holds thousands a year, paged, sorted and searched in memory like the deadline board.
    /// </summary>
    public static async Task<List<SubmissionDto>> InboxAsync(FinCloudDbContext db, EvidenceStore store, CancellationToken ct)
    {
        await ReceiveSharedAsync(db, store, ct);
        var rows = await db.Submissions.AsNoTracking()
            .Select(s => new { s.Id, s.Kind, s.Channel, s.InstitutionName, s.Sector, s.Title, s.DueOn, s.SubmittedAt, s.ReceivedAt, s.Status, s.PackageSha256, s.BundleId })
            .ToListAsync(ct);
        return [.. rows.Select(s => new SubmissionDto(s.Id, s.Kind, s.Channel, s.InstitutionName, s.Sector, s.Title, s.DueOn, s.SubmittedAt, s.ReceivedAt,
            Submission.DaysLateOf(s.DueOn, s.SubmittedAt), s.Status, s.PackageSha256, s.BundleId))];
    }

    public static async Task<Results<Ok<SubmissionDetailDto>, NotFound>> GetAsync(Guid submissionId, FinCloudDbContext db, CancellationToken ct)
    {
        var s = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == submissionId, ct);
        if (s is null)
        {
            return TypedResults.NotFound();
        }

        var messages = await db.SubmissionMessages.AsNoTracking().Where(m => m.SubmissionId == s.Id).OrderBy(m => m.Id)
            .Select(m => new MessageDto(m.Id, m.FromSupervisor, m.Text, m.RespondBy, m.At)).ToListAsync(ct);
        using var payload = JsonDocument.Parse(s.PayloadJson);
        return TypedResults.Ok(new SubmissionDetailDto(SubmissionDto.From(s), s.DueComputation, new ReportedWorkload(s.CspName, s.ServiceName, s.Regions, s.IsMaterial),
            payload.RootElement.Clone(), messages));
    }

    /// <summary>Downloads for the FSS's signed-in users (cookie), outside the API.</summary>
    public static RouteGroupBuilder MapSupervisionFiles(this IEndpointRouteBuilder routes)
    {
        var files = routes.MapGroup("/reports/files").RequireAuthorization(Policies.Supervisor).ExcludeFromDescription();
        files.MapGet("{submissionId:guid}/package", PackageAsync);
        return files;
    }

    /// <summary>
    /// The report as the institution sent it: the signed bundle as imported, or, for a report submitted in this
    /// installation, the institution's package itself (read past the tenant filter only while it stays submitted, checked
    /// against the hash the inbox recorded, and audited as a read of a shared record).
    /// </summary>
    public static async Task<Results<FileContentHttpResult, NotFound, Conflict<string>>> PackageAsync(Guid submissionId, FinCloudDbContext db, EvidenceStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var s = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == submissionId, ct);
        if (s is null)
        {
            return TypedResults.NotFound();
        }

        if (s.BundleId is { } bundleId)
        {
            var bundle = await db.ImportedBundles.AsNoTracking().Where(b => b.BundleId == bundleId).Select(b => b.Content).SingleOrDefaultAsync(ct);
            return bundle is null ? TypedResults.NotFound() : TypedResults.File(bundle, "application/zip", $"fincloud-report-{s.SourceRecordId:N}.zip");
        }

        var package = await db.ReportPackages.AcrossTenants(AcrossTenantsReason.SupervisoryGrant).AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == s.SourceRecordId && p.OrganizationId == s.SourceOrganizationId && p.State == ReportPackageState.Submitted, ct);
        if (package is null)
        {
            return TypedResults.NotFound();
        }

        var bytes = await File.ReadAllBytesAsync(store.PathOf(package.StorageKey), ct);
        if (!string.Equals(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), s.PackageSha256, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Conflict("package-damaged");
        }

        db.Audit(AuditEventType.SharedRecordRead, nameof(ReportPackage), package.Id, after: $"downloaded from the inbox as {s.Id}");
        await db.SaveChangesAsync(ct);
        return TypedResults.File(bytes, "application/zip", $"fss-report-{s.SourceRecordId:N}.zip");
    }

    public static async Task<Results<Ok<SubmissionDto>, NotFound, Conflict<string>>> ChangeStatusAsync(Guid submissionId, ChangeStatusRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = await db.Submissions.SingleOrDefaultAsync(x => x.Id == submissionId, ct);
        if (s is null)
        {
            return TypedResults.NotFound();
        }

        if (s.Status == SubmissionStatus.Accepted)
        {
            return TypedResults.Conflict("accepted");
        }

        if (request.Status == SubmissionStatus.SupplementationRequested)
        {
            return TypedResults.Conflict("use-supplementation");
        }

        var before = s.Status;
        s.MoveTo(request.Status, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.SubmissionStatusChanged, nameof(Submission), s.Id, before: before.ToString(), after: s.Status.ToString());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SubmissionDto.From(s));
    }

    public static async Task<Results<Ok<MessageDto>, NotFound, Conflict<string>>> RequestSupplementationAsync(Guid submissionId, SupplementationRequestBody request, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = await db.Submissions.SingleOrDefaultAsync(x => x.Id == submissionId, ct);
        if (s is null)
        {
            return TypedResults.NotFound();
        }

        if (s.Status == SubmissionStatus.Accepted)
        {
            return TypedResults.Conflict("accepted");
        }

        var now = db.Clock.GetUtcNow();
        var before = s.Status;
        s.MoveTo(SubmissionStatus.SupplementationRequested, now);
        var message = SubmissionMessage.Write(s.Id, true, request.Message, request.RespondBy, db.Tenant.ActorId, now);
        db.SubmissionMessages.Add(message);
        db.Audit(AuditEventType.SupplementationRequested, nameof(Submission), s.Id, before: before.ToString(), after: $"SupplementationRequested; message={message.Id}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new MessageDto(message.Id, true, message.Text, message.RespondBy, message.At));
    }

    public static async Task<Results<FileContentHttpResult, NotFound, Conflict<string>>> SupplementationBundleAsync(
        Guid submissionId, FinCloudDbContext db, ISigningKeyProtector protector, CancellationToken ct)
    {
        var s = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == submissionId, ct);
        if (s is null)
        {
            return TypedResults.NotFound();
        }

        var message = await db.SubmissionMessages.AsNoTracking().Where(m => m.SubmissionId == s.Id && m.FromSupervisor).OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);
        if (message is null || s.BundleId is null)
        {
            // A same-installation submission reaches the institution without a bundle.
            return TypedResults.Conflict(message is null ? "no-request" : "same-installation");
        }

        var me = db.Tenant.RequireOrganization();
        var supervisor = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == me, ct);
        var payload = new SupplementationPayload(supervisor.NameKo, s.Id, message.Id, s.SourceRecordId, s.Title, message.Text, message.RespondBy);
        var (record, zip) = await BundleExport.SignAsync(db, protector, BundleKind.SupplementationRequest, $"{s.Title} 보완요청",
            s.Id, s.BundleId, JsonSerializer.SerializeToUtf8Bytes(payload, ExchangeBundle.Json), [], ct);
        return TypedResults.File(zip, "application/zip", $"fincloud-supplementation-{record.Id:N}.zip");
    }

    /// <summary>
    /// 보완요청 this institution received. In the same installation, the FSS's requests about the institution's own
    /// submissions are copied in first: the institution reads only messages on submissions it made.
    /// </summary>
    public static async Task<Ok<List<ReceivedRequestDto>>> ReceivedRequestsAsync(FinCloudDbContext db, CancellationToken ct)
    {
        await ReceiveSameInstallationRequestsAsync(db, ct);
        var list = await db.SupplementationRequests.AsNoTracking().OrderByDescending(r => r.Id)
            .Select(r => new ReceivedRequestDto(r.Id, r.PackageId, r.SupervisorName, r.Message, r.RespondBy, r.ReceivedAt)).ToListAsync(ct);
        return TypedResults.Ok(list);
    }

    public static async Task<int> ReceiveSameInstallationRequestsAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var me = db.Tenant.RequireOrganization();
        var known = await db.SupplementationRequests.Select(r => r.SupervisorMessageId).ToListAsync(ct);
        var submissions = db.Submissions.AcrossTenants(AcrossTenantsReason.SupervisoryReply).Where(s => s.SourceOrganizationId == me);
        var messages = await db.SubmissionMessages.AcrossTenants(AcrossTenantsReason.SupervisoryReply).AsNoTracking()
            .Where(m => m.FromSupervisor && !known.Contains(m.Id) && submissions.Any(s => s.Id == m.SubmissionId))
            .Join(submissions, m => m.SubmissionId, s => s.Id, (m, s) => new { Message = m, s.SourceRecordId, s.OrganizationId })
            .ToListAsync(ct);
        if (messages.Count == 0)
        {
            return 0;
        }

        var supervisorIds = messages.Select(m => m.OrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => supervisorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.NameKo, ct);
        var packageIds = messages.Select(m => m.SourceRecordId).Distinct().ToList();
        var ownPackages = await db.ReportPackages.Where(p => packageIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        foreach (var m in messages.Where(m => ownPackages.Contains(m.SourceRecordId)))
        {
            var request = SupplementationRequest.Receive(m.SourceRecordId, names.GetValueOrDefault(m.OrganizationId, "금융감독원"), m.Message.Text, m.Message.RespondBy, m.Message.Id, db.Clock.GetUtcNow());
            db.SupplementationRequests.Add(request);
            db.Audit(AuditEventType.SupplementationRequestReceived, nameof(SupplementationRequest), request.Id, after: $"package={m.SourceRecordId}; channel=same-installation");
        }

        await db.SaveChangesAsync(ct);
        return messages.Count;
    }
}
