using System.ComponentModel.DataAnnotations;
using FinCloud.Core;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.NetworkSeparation;

public sealed record RegisterExemptionRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Title,
    SeparationExemptionKind Kind,
    [property: Required, StringLength(1000, MinimumLength = 2)] string WorkScope,
    [property: StringLength(200)] string? SaasName,
    [property: StringLength(200)] string? CspName,
    IReadOnlyList<DataCategory>? ExcludedData,
    [property: StringLength(40)] string? DesignationId,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    [property: StringLength(200)] string? CommitteeResolution,
    [property: StringLength(200)] string? RiskAssessment);

public sealed record AssessControlRequest(
    [property: Required, StringLength(60)] string ControlId,
    ControlAssessmentResult Result,
    [property: StringLength(1000)] string? Evidence,
    [property: RegularExpression("^[0-9a-f]{64}$")] string? EvidenceSha256);

public sealed record RecordEvaluationRequest(
    [property: Required, StringLength(200)] string Reference,
    DateOnly EvaluatedOn,
    FsiEvaluationResult Result);

public sealed record CompleteReviewRequest(
    [property: Range(2019, 2100)] int Year,
    [property: Range(1, 2)] int Half,
    [property: Required, StringLength(2000)] string Outcome,
    [property: Required, StringLength(200)] string CommitteeAgendaItem);

public sealed record AssignReviewRequest([property: Range(2019, 2100)] int Year, [property: Range(1, 2)] int Half, Guid AssigneeId);

public sealed record ExtendExemptionRequest(DateOnly Until, [property: Required, StringLength(200, MinimumLength = 2)] string Basis);

public sealed record AddDataSetRequest([property: Required, StringLength(200, MinimumLength = 1)] string Name);

public sealed record FindingCountDto([property: Required, StringLength(40)] string Type, [property: Range(0, long.MaxValue)] long Count);

/// <summary>A scan by type and count (what the scanner's summary gives), with the hash of what was scanned.</summary>
public sealed record RecordScanRequest(
    [property: Required, RegularExpression("^[0-9a-f]{64}$")] string ContentSha256,
    [property: Required] IReadOnlyList<FindingCountDto> Counts);

public sealed record ResolveFindingRequest([property: Required, StringLength(1000, MinimumLength = 2)] string Resolution);

public sealed record ActivationResultDto(bool Activated, ExemptionStatus Status, IReadOnlyList<ActivationBlocker> Blockers);

public sealed record ApprovalResultDto(bool Approved, DataSetStatus Status, string? Refusal);

public sealed record ScanResultDto(Guid ScanId, DataSetStatus Status, IReadOnlyList<FindingLine> Findings);

/// <summary>망분리 예외 API: the register, its evidence, activation, half-yearly reviews and data-scope proof.</summary>
public static class NetworkSeparationApi
{
    public static RouteGroupBuilder MapNetworkSeparationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("separation").WithTags("Network separation");
        group.MapGet("designations", () => TypedResults.Ok(SandboxDesignationLibrary.Releases))
            .TenantFree("the FSC designation list is reference data shared by every institution");
        group.MapGet("catalogues", () => TypedResults.Ok(ControlCatalogueLibrary.All))
            .TenantFree("versioned control catalogues are reference data");
        group.MapGet("exemptions", ListAsync).ActsOnCallerOrganization("the caller's own exemptions");
        group.MapPost("exemptions", RegisterAsync).ActsOnCallerOrganization("registers an exemption for the caller's organisation")
            .RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new RegisterExemptionRequest("Microsoft 365 내부망 이용", SeparationExemptionKind.SandboxDesignation,
                "협업 (문서·메일)", "M365", "Microsoft", [DataCategory.UniqueIdentifier], "IFS-20240927-N04", null, null, "2024-정보보호위-07", null));
        group.MapGet("exemptions/{exemptionId:guid}", DetailAsync);
        group.MapPost("exemptions/{exemptionId:guid}/assessments", AssessAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new AssessControlRequest("SBX-FSI-PASS", ControlAssessmentResult.Met, "FSI 평가 결과 통지서", null));
        group.MapPost("exemptions/{exemptionId:guid}/evaluations", RecordEvaluationAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new RecordEvaluationRequest("FSI-2024-017", new DateOnly(2024, 8, 1), FsiEvaluationResult.Pass));
        group.MapPost("exemptions/{exemptionId:guid}/activate", ActivateAsync).RequireAuthorization(Policies.Editor);
        group.MapPost("exemptions/{exemptionId:guid}/reviews", CompleteReviewAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new CompleteReviewRequest(2026, 2, "모든 통제 이행 확인", "2026-정보보호위-12"));
        group.MapPost("exemptions/{exemptionId:guid}/reviews/assign", AssignReviewAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new AssignReviewRequest(2026, 2, Guid.Empty));
        group.MapPost("exemptions/{exemptionId:guid}/extend", ExtendAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new ExtendExemptionRequest(new DateOnly(2028, 9, 26), "금융위원회 지정기간 연장 통지"));
        group.MapPost("exemptions/{exemptionId:guid}/data-sets", AddDataSetAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new AddDataSetRequest("인사 공지 첨부파일"));
        group.MapPost("exemptions/{exemptionId:guid}/share", ShareAsync).RequireAuthorization(Policies.Editor);
        group.MapGet("supervision", SupervisionAsync)
            .ActsOnCallerOrganization("exemptions institutions shared with the caller; only the FSS receives shares, and its read is audited");
        group.MapGet("supervision/{exemptionId:guid}", SupervisedDetailAsync)
            .ActsOnCallerOrganization("one exemption an institution shared with the caller, read-only; only the FSS receives shares, and its read is audited");
        group.MapGet("reviews", ReviewsAsync).ActsOnCallerOrganization("the half-yearly reviews of the caller's exemptions");
        group.MapPost("data-sets/{dataSetId:guid}/scans", RecordScanAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new RecordScanRequest(new string('a', 64), [new FindingCountDto("rrn", 1)]));
        group.MapPost("data-sets/{dataSetId:guid}/approve", ApproveAsync).RequireAuthorization(Policies.Editor);
        group.MapPost("findings/{findingId:guid}/resolve", ResolveAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new ResolveFindingRequest("주민등록번호 열 삭제 후 재스캔"));
        return group;
    }

    public static async Task<Ok<List<ExemptionSummary>>> ListAsync(FinCloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ExemptionQueries.ListAsync(db, ct));

    public static async Task<Results<Created<ExemptionSummary>, ValidationProblem>> RegisterAsync(RegisterExemptionRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var (exemption, error) = await RegisterExemption.HandleAsync(db, new ExemptionRegistration(
            request.Title, request.Kind, request.WorkScope, request.SaasName, request.CspName, request.ExcludedData ?? [],
            request.DesignationId, request.PeriodStart, request.PeriodEnd, request.CommitteeResolution, request.RiskAssessment), ct);
        return exemption is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [error!] })
            : TypedResults.Created($"/api/separation/exemptions/{exemption.Id}", ExemptionQueries.Summarize(exemption));
    }

    public static async Task<Results<Ok<ExemptionDetail>, NotFound>> DetailAsync(Guid exemptionId, FinCloudDbContext db, CancellationToken ct) =>
        await ExemptionQueries.DetailAsync(db, exemptionId, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    public static async Task<Results<Ok<ControlLine>, NotFound, ValidationProblem>> AssessAsync(Guid exemptionId, AssessControlRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var (assessment, error) = await AssessControls.AssessAsync(db, exemptionId, request.ControlId, request.Result, request.Evidence, request.EvidenceSha256, ct);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["controlId"] = [error] });
        }

        if (assessment is null)
        {
            return TypedResults.NotFound();
        }

        var detail = await ExemptionQueries.DetailAsync(db, exemptionId, ct);
        return TypedResults.Ok(detail!.Controls.Single(c => c.ControlId == request.ControlId));
    }

    public static async Task<Results<Ok<EvaluationLine>, NotFound>> RecordEvaluationAsync(Guid exemptionId, RecordEvaluationRequest request, FinCloudDbContext db, CancellationToken ct) =>
        await AssessControls.RecordEvaluationAsync(db, exemptionId, request.Reference, request.EvaluatedOn, request.Result, ct) is { } e
            ? TypedResults.Ok(new EvaluationLine(e.Id, e.Reference, e.EvaluatedOn, e.Result))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<ActivationResultDto>, NotFound>> ActivateAsync(Guid exemptionId, FinCloudDbContext db, CancellationToken ct)
    {
        var decision = await ActivateExemption.HandleAsync(db, exemptionId, ct);
        if (decision is null)
        {
            return TypedResults.NotFound();
        }

        var detail = await ExemptionQueries.DetailAsync(db, exemptionId, ct);
        return TypedResults.Ok(new ActivationResultDto(decision.CanActivate, detail!.Summary.Status, decision.Blockers));
    }

    public static async Task<Results<NoContent, NotFound>> ShareAsync(Guid exemptionId, FinCloudDbContext db, CancellationToken ct) =>
        await SupervisorView.ShareAsync(db, exemptionId, ct) is null ? TypedResults.NotFound() : TypedResults.NoContent();

    public static async Task<Ok<List<SupervisedExemption>>> SupervisionAsync(
        SeparationExemptionKind? kind, string? saas, bool? overdueOnly, FinCloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await SupervisorView.ListAsync(db, new SupervisorFilter(kind, saas, overdueOnly ?? false), ct));

    public static async Task<Results<Ok<SupervisedExemptionDetail>, NotFound>> SupervisedDetailAsync(
        Guid exemptionId, FinCloudDbContext db, DbContextOptions<FinCloudDbContext> options, CancellationToken ct) =>
        await SupervisorView.SharedDetailAsync(db, options, exemptionId, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    public static async Task<Ok<List<ControlReviewLine>>> ReviewsAsync(FinCloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ControlReviews.ScheduleAsync(db, null, ct));

    public static async Task<Results<NoContent, NotFound>> CompleteReviewAsync(Guid exemptionId, CompleteReviewRequest request, FinCloudDbContext db, CancellationToken ct) =>
        await ControlReviews.CompleteAsync(db, exemptionId, new HalfYear(request.Year, request.Half), request.Outcome, request.CommitteeAgendaItem, ct) is null
            ? TypedResults.NotFound()
            : TypedResults.NoContent();

    public static async Task<Results<NoContent, NotFound>> AssignReviewAsync(Guid exemptionId, AssignReviewRequest request, FinCloudDbContext db, CancellationToken ct) =>
        await ControlReviews.AssignAsync(db, exemptionId, new HalfYear(request.Year, request.Half), request.AssigneeId, ct) is null
            ? TypedResults.NotFound()
            : TypedResults.NoContent();

    public static async Task<Results<Ok<ExemptionSummary>, NotFound, ValidationProblem>> ExtendAsync(Guid exemptionId, ExtendExemptionRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var (exemption, refused) = await ExtendExemption.HandleAsync(db, exemptionId, request.Until, request.Basis, ct);
        if (exemption is null)
        {
            return TypedResults.NotFound();
        }

        return refused
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["until"] = ["연장 종료일은 현재 종료일 이후여야 합니다"] })
            : TypedResults.Ok(ExemptionQueries.Summarize(exemption));
    }

    public static async Task<Results<Created<DataSetLine>, NotFound>> AddDataSetAsync(Guid exemptionId, AddDataSetRequest request, FinCloudDbContext db, CancellationToken ct) =>
        await DataSets.AddAsync(db, exemptionId, request.Name, ct) is { } d
            ? TypedResults.Created($"/api/separation/data-sets/{d.Id}", new DataSetLine(d.Id, d.Name, d.Status, null, []))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<ScanResultDto>, NotFound, ValidationProblem>> RecordScanAsync(Guid dataSetId, RecordScanRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var unknown = request.Counts.Select(c => c.Type).Where(t => !DataScopeRule.KnownFindingTypes.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["counts"] = [$"알 수 없는 탐지 유형: {string.Join(", ", unknown)}"] });
        }

        var result = await DataSets.RecordScanAsync(db, dataSetId, request.ContentSha256, request.Counts.Select(c => new FindingCount(c.Type, c.Count)).ToList(), ct);
        if (result is not { } r)
        {
            return TypedResults.NotFound();
        }

        var status = (await db.ExemptionDataSets.FindAsync([dataSetId], ct))!.Status;
        return TypedResults.Ok(new ScanResultDto(r.Scan.Id, status,
            r.Findings.Select(f => new FindingLine(f.Id, f.FindingType, f.Count, f.Categories, f.IsOpen, f.Resolution)).ToList()));
    }

    public static async Task<Results<Ok<ApprovalResultDto>, NotFound>> ApproveAsync(Guid dataSetId, FinCloudDbContext db, CancellationToken ct)
    {
        var (dataSet, refusal) = await DataSets.ApproveAsync(db, dataSetId, ct);
        return dataSet is null ? TypedResults.NotFound() : TypedResults.Ok(new ApprovalResultDto(refusal is null, dataSet.Status, refusal));
    }

    public static async Task<Results<NoContent, NotFound>> ResolveAsync(Guid findingId, ResolveFindingRequest request, FinCloudDbContext db, CancellationToken ct) =>
        await DataSets.ResolveFindingAsync(db, findingId, request.Resolution, ct) is null ? TypedResults.NotFound() : TypedResults.NoContent();
}
