using System.ComponentModel.DataAnnotations;
using FinCloud.Core;
using FinCloud.Core.Features.Continuity;
using FinCloud.Rules.Continuity;
using FinCloud.Rules.Rulebooks;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Continuity;

public sealed record ImpactPointDto([property: Range(1, 100_000)] int AfterMinutes, [property: Range(0, long.MaxValue)] long FinancialLossKrw,
    [property: Range(0, 5)] int Customer, [property: Range(0, 5)] int Regulatory, [property: Range(0, 5)] int Reputation);

public sealed record SaveProcessRequest(
    [property: Required, StringLength(40, MinimumLength = 1)] string Code,
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: Required, StringLength(100)] string Department,
    [property: Range(1, 100_000)] int RtoMinutes,
    [property: Range(0, 100_000)] int RpoMinutes,
    bool IsCore,
    [property: StringLength(1000)] string? CoreRationale,
    [property: Required] IReadOnlyList<ImpactPointDto> Impacts)
{
    public BusinessProcessInput ToInput() => new(Code, Name, Department, RtoMinutes, RpoMinutes, IsCore, CoreRationale,
        [.. Impacts.Select(i => new ImpactPoint(TimeSpan.FromMinutes(i.AfterMinutes), i.FinancialLossKrw, i.Customer, i.Regulatory, i.Reputation))]);
}

public sealed record SaveAssetRequest(
    [property: Required, StringLength(40, MinimumLength = 1)] string Code,
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    ItAssetKind Kind,
    [property: Range(1, 100_000)] int? DesignedRecoveryMinutes,
    DrMode DrMode,
    Guid? DrSiteId,
    [property: Range(0, 2)] decimal? DrCapacityShare,
    bool NeedsExternalLines,
    [property: Range(0, 100)] int DedicatedLinesAtDr,
    [property: Range(0, 10)] int CarriersAtDr);

public sealed record AddDependencyRequest(DependencyNodeKind DependencyKind, Guid DependencyId);

public sealed record PlanDrillRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Title,
    DrillKind Kind,
    [property: Required, StringLength(500, MinimumLength = 2)] string Scenario,
    DateOnly PlannedOn,
    [property: Required] IReadOnlyList<Guid> ScopeAssetIds,
    bool IncludesExternalLinks);

public sealed record DrillRunRequest(Guid AssetId, DateTimeOffset? StartedAt, DateTimeOffset? RecoveredAt, bool Succeeded,
    [property: Range(0, 1000)] int AutomatedSteps, [property: Range(0, 1000)] int ManualSteps);

public sealed record RecordDrillRequest(DateOnly ExecutedOn, [property: StringLength(200)] string? ProcedureVersionUsed, [property: StringLength(2000)] string? Summary,
    [property: Required] IReadOnlyList<DrillRunRequest> Runs);

public sealed record CompleteRemediationRequest([property: Required, StringLength(1000, MinimumLength = 2)] string Outcome);

public sealed record RegisterIncidentRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Title,
    IncidentType Type,
    DateTimeOffset OccurredAt,
    DateTimeOffset AwareAt,
    DateTimeOffset? RestoredAt,
    [property: Range(0, long.MaxValue)] long? ServiceSubscribers,
    [property: Range(0, long.MaxValue)] long? CustomerLossKrw,
    IReadOnlyList<MajorIncidentCriterion>? CriteriaMet,
    Guid? AssetId,
    Severity Severity,
    [property: StringLength(2000)] string? Actions)
{
    public IncidentInput ToInput() => new(Title, Type, OccurredAt, AwareAt, RestoredAt, ServiceSubscribers, CustomerLossKrw, CriteriaMet ?? [], AssetId, Severity, Actions);
}

public sealed record AdvanceIncidentRequest(IncidentStage Stage, [property: Required, StringLength(500, MinimumLength = 1)] string Note);

public sealed record SubmitReportRequest(ReportStage Stage, [property: Range(1, 100)] int Sequence, [property: StringLength(100)] string? Reference);

public sealed record SavePolicyRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Insurer,
    [property: Required, StringLength(100, MinimumLength = 1)] string Reference,
    DateOnly CoverFrom,
    DateOnly CoverTo,
    [property: Range(0, long.MaxValue)] long AggregateLimitKrw,
    [property: Range(0, long.MaxValue)] long PerIncidentLimitKrw,
    [property: Required] IReadOnlyList<CoveredIncidentType> CoveredTypes,
    DateOnly LastChangedOn)
{
    public PolicyInput ToInput() => new(Insurer, Reference, CoverFrom, CoverTo, AggregateLimitKrw, PerIncidentLimitKrw, CoveredTypes, LastChangedOn);
}

/// <summary>The dashboard's figures without the register behind them.</summary>
public sealed record ContinuityStatusDto(
    DateOnly Today,
    int Processes,
    int CoreProcesses,
    int Assets,
    int Conflicts,
    int Cycles,
    bool InsuranceCompliant,
    IReadOnlyList<InsuranceShortfall> InsuranceShortfalls,
    DateOnly? InsuranceNextShortfallOn,
    DrDuty DrDuty,
    IReadOnlyList<DrFinding> DrFindings,
    DrillDutyStatus DrillDuty,
    decimal DrillCoverage,
    IReadOnlyList<CoreSystemResult> CoreResults,
    int OpenRemediations);

/// <summary>업무연속성 API: the BIA register, DR, drills, third parties, insurance and incidents.</summary>
public static class ContinuityApi
{
    public static RouteGroupBuilder MapContinuityEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("continuity").WithTags("Business continuity");
        group.MapGet("rules/ceilings", () => TypedResults.Ok(ContinuityRulebooks.RecoveryCeilings.All))
            .TenantFree("regulatory RTO ceilings are reference data");
        group.MapGet("status", StatusAsync).ActsOnCallerOrganization("the caller's own continuity status");
        group.MapGet("processes", async (FinCloudDbContext db, CancellationToken ct) => TypedResults.Ok((await ContinuitySnapshot.LoadAsync(db, ct)).Processes))
            .ActsOnCallerOrganization("the caller's own BIA");
        group.MapPost("processes", CreateProcessAsync).ActsOnCallerOrganization("adds a process to the caller's BIA").RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new SaveProcessRequest("API-01", "외환 송금", "외환부", 180, 0, true, "대외 결제망 연계", [new(60, 100_000_000, 3, 2, 2)]));
        group.MapPut("processes/{processId:guid}", UpdateProcessAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new SaveProcessRequest("API-02", "외환 송금", "외환부", 120, 0, true, "대외 결제망 연계", [new(60, 100_000_000, 3, 2, 2)]));
        group.MapGet("assets", async (FinCloudDbContext db, CancellationToken ct) => TypedResults.Ok((await ContinuitySnapshot.LoadAsync(db, ct)).Assets))
            .ActsOnCallerOrganization("the caller's own IT assets with their effective RTO");
        group.MapPost("assets", CreateAssetAsync).ActsOnCallerOrganization("adds an IT asset to the caller's BIA").RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new SaveAssetRequest("API-SYS", "외환 시스템", ItAssetKind.System, 120, DrMode.Hot, null, 1m, true, 2, 2));
        group.MapPost("processes/{processId:guid}/dependencies", AddProcessDependencyAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new AddDependencyRequest(DependencyNodeKind.Asset, Guid.Empty));
        group.MapPost("assets/{assetId:guid}/dependencies", AddAssetDependencyAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new AddDependencyRequest(DependencyNodeKind.ThirdParty, Guid.Empty));
        group.MapDelete("dependencies/{dependencyId:guid}", RemoveDependencyAsync).RequireAuthorization(Policies.Editor);
        group.MapGet("third-parties", async (FinCloudDbContext db, CancellationToken ct) => TypedResults.Ok((await ContinuitySnapshot.LoadAsync(db, ct)).ThirdParties))
            .ActsOnCallerOrganization("the caller's own linked third-party services");
        group.MapGet("insurance", async (FinCloudDbContext db, CancellationToken ct) => TypedResults.Ok((await ContinuitySnapshot.LoadAsync(db, ct)).Insurance))
            .ActsOnCallerOrganization("the caller's own insurance check");
        group.MapPost("policies", CreatePolicyAsync).ActsOnCallerOrganization("records a policy of the caller").RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new SavePolicyRequest("한빛화재", "P-2026-01", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 2_000_000_000, 2_000_000_000,
                [new(InsuredIncidentType.ForgedAccessMedia, 2_000_000_000)], new DateOnly(2026, 1, 1)));
        group.MapGet("drills", async (FinCloudDbContext db, CancellationToken ct) => TypedResults.Ok((await ContinuitySnapshot.LoadAsync(db, ct)).Drills))
            .ActsOnCallerOrganization("the caller's own drills");
        group.MapPost("drills", PlanDrillAsync).ActsOnCallerOrganization("plans a drill of the caller").RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new PlanDrillRequest("API 훈련", DrillKind.Switchover, "주전산센터 화재", new DateOnly(2026, 12, 1), [], true));
        group.MapPost("drills/{drillId:guid}/execution", RecordDrillAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new RecordDrillRequest(new DateOnly(2026, 11, 1), "v1", null, []));
        group.MapPost("remediation-tasks/{remediationTaskId:guid}/complete", CompleteRemediationAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new CompleteRemediationRequest("DR 자동 기동 스크립트 적용"));
        group.MapGet("incidents", async (FinCloudDbContext db, CancellationToken ct) => TypedResults.Ok(await Incidents.ListAsync(db, ct)))
            .ActsOnCallerOrganization("the caller's own incidents");
        group.MapPost("incidents", RegisterIncidentAsync).ActsOnCallerOrganization("records an incident of the caller").RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new RegisterIncidentRequest("API 장애", IncidentType.Outage, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(9)),
                new DateTimeOffset(2026, 11, 1, 9, 5, 0, TimeSpan.FromHours(9)), new DateTimeOffset(2026, 11, 1, 9, 40, 0, TimeSpan.FromHours(9)), 50_000, null, [], null, Severity.Medium, null));
        group.MapGet("incidents/{incidentId:guid}", IncidentAsync);
        group.MapPost("incidents/{incidentId:guid}/stage", AdvanceIncidentAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new AdvanceIncidentRequest(IncidentStage.Responding, "원인 분석 착수"));
        group.MapPost("incidents/{incidentId:guid}/reports", SubmitReportAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new SubmitReportRequest(ReportStage.Initial, 1, "EFARS-0001"));
        group.MapJointDrillEndpoints();
        group.MapEmergencyPlanEndpoints();
        return group;
    }

    public static async Task<Ok<ContinuityStatusDto>> StatusAsync(FinCloudDbContext db, CancellationToken ct)
    {
        var s = await ContinuitySnapshot.LoadAsync(db, ct);
        return TypedResults.Ok(new ContinuityStatusDto(s.Today, s.Processes.Count, s.Processes.Count(p => p.Process.IsCore), s.Assets.Count, s.Conflicts.Count, s.Cycles.Count,
            s.Insurance.Compliant, s.Insurance.Shortfalls, s.InsuranceNextShortfallOn, s.Dr.Duty, s.Dr.Findings, s.DrillDuty, s.CoverageShare, s.CoreResults, s.OpenRemediations));
    }

    private static ValidationProblem Problem(string field, string error) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error] });

    public static async Task<Results<Created<BusinessProcess>, ValidationProblem>> CreateProcessAsync(SaveProcessRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var (process, error) = await ContinuityRegister.SaveProcessAsync(db, null, request.ToInput(), ct);
        return process is null ? Problem("code", error!) : TypedResults.Created($"/api/continuity/processes/{process.Id}", process);
    }

    public static async Task<Results<Ok<BusinessProcess>, NotFound, ValidationProblem>> UpdateProcessAsync(Guid processId, SaveProcessRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var (process, error) = await ContinuityRegister.SaveProcessAsync(db, processId, request.ToInput(), ct);
        return error is not null ? Problem("code", error) : process is null ? TypedResults.NotFound() : TypedResults.Ok(process);
    }

    public static async Task<Results<Created<ItAsset>, ValidationProblem>> CreateAssetAsync(SaveAssetRequest r, FinCloudDbContext db, CancellationToken ct)
    {
        var (asset, error) = await ContinuityRegister.SaveAssetAsync(db, null, new ItAssetInput(r.Code, r.Name, r.Kind, r.DesignedRecoveryMinutes, r.DrMode, r.DrSiteId,
            r.DrCapacityShare, r.NeedsExternalLines, r.DedicatedLinesAtDr, r.CarriersAtDr), ct);
        return asset is null ? Problem("code", error!) : TypedResults.Created($"/api/continuity/assets/{asset.Id}", asset);
    }

    public static async Task<Results<Created<ContinuityDependency>, NotFound, ValidationProblem>> AddProcessDependencyAsync(Guid processId, AddDependencyRequest r, FinCloudDbContext db, CancellationToken ct) =>
        await db.BusinessProcesses.AnyAsync(p => p.Id == processId, ct)
            ? await AddDependencyAsync(DependencyNodeKind.Process, processId, r, db, ct)
            : TypedResults.NotFound();

    public static async Task<Results<Created<ContinuityDependency>, NotFound, ValidationProblem>> AddAssetDependencyAsync(Guid assetId, AddDependencyRequest r, FinCloudDbContext db, CancellationToken ct) =>
        await db.ItAssets.AnyAsync(a => a.Id == assetId, ct)
            ? await AddDependencyAsync(DependencyNodeKind.Asset, assetId, r, db, ct)
            : TypedResults.NotFound();

    private static async Task<Results<Created<ContinuityDependency>, NotFound, ValidationProblem>> AddDependencyAsync(
        DependencyNodeKind kind, Guid dependantId, AddDependencyRequest r, FinCloudDbContext db, CancellationToken ct)
    {
        var (dependency, error) = await ContinuityRegister.AddDependencyAsync(db, kind, dependantId, r.DependencyKind, r.DependencyId, ct);
        return dependency is null ? Problem("dependencyId", error!) : TypedResults.Created($"/api/continuity/dependencies/{dependency.Id}", dependency);
    }

    public static async Task<Results<NoContent, NotFound>> RemoveDependencyAsync(Guid dependencyId, FinCloudDbContext db, CancellationToken ct) =>
        await ContinuityRegister.RemoveDependencyAsync(db, dependencyId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<Created<LiabilityPolicy>, ValidationProblem>> CreatePolicyAsync(SavePolicyRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var (policy, error) = await ContinuityRegister.SavePolicyAsync(db, null, request.ToInput(), ct);
        return policy is null ? Problem("coverTo", error!) : TypedResults.Created($"/api/continuity/policies/{policy.Id}", policy);
    }

    public static async Task<Results<Created<ContinuityDrill>, ValidationProblem>> PlanDrillAsync(PlanDrillRequest r, FinCloudDbContext db, CancellationToken ct)
    {
        var (drill, error) = await Drills.PlanAsync(db, new DrillPlanInput(r.Title, r.Kind, r.Scenario, r.PlannedOn, r.ScopeAssetIds, r.IncludesExternalLinks), ct);
        return drill is null ? Problem("scopeAssetIds", error!) : TypedResults.Created($"/api/continuity/drills/{drill.Id}", drill);
    }

    public static async Task<Results<Ok<DrillExecutionResult>, NotFound, ValidationProblem>> RecordDrillAsync(Guid drillId, RecordDrillRequest r, FinCloudDbContext db, CancellationToken ct)
    {
        var (result, error) = await Drills.RecordExecutionAsync(db, drillId, new DrillExecutionInput(r.ExecutedOn, r.ProcedureVersionUsed, r.Summary,
            [.. r.Runs.Select(x => new DrillRunInput(x.AssetId, x.StartedAt, x.RecoveredAt, x.Succeeded, x.AutomatedSteps, x.ManualSteps))]), ct);
        return error is not null ? Problem("runs", error) : result is null ? TypedResults.NotFound() : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<RemediationTask>, NotFound>> CompleteRemediationAsync(Guid remediationTaskId, CompleteRemediationRequest r, FinCloudDbContext db, CancellationToken ct) =>
        await Drills.CompleteRemediationAsync(db, remediationTaskId, r.Outcome, ct) is { } task ? TypedResults.Ok(task) : TypedResults.NotFound();

    public static async Task<Results<Created<IncidentView>, ValidationProblem>> RegisterIncidentAsync(RegisterIncidentRequest r, FinCloudDbContext db, CancellationToken ct)
    {
        var (incident, error) = await Incidents.RegisterAsync(db, r.ToInput(), ct);
        return incident is null ? Problem("awareAt", error!) : TypedResults.Created($"/api/continuity/incidents/{incident.Id}", (await Incidents.DetailAsync(db, incident.Id, ct))!);
    }

    public static async Task<Results<Ok<IncidentView>, NotFound>> IncidentAsync(Guid incidentId, FinCloudDbContext db, CancellationToken ct) =>
        await Incidents.DetailAsync(db, incidentId, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound>> AdvanceIncidentAsync(Guid incidentId, AdvanceIncidentRequest r, FinCloudDbContext db, CancellationToken ct) =>
        await Incidents.AdvanceAsync(db, incidentId, r.Stage, r.Note, ct) is null ? TypedResults.NotFound() : TypedResults.NoContent();

    public static async Task<Results<Created<IncidentReportSubmission>, NotFound, ValidationProblem>> SubmitReportAsync(Guid incidentId, SubmitReportRequest r, FinCloudDbContext db, CancellationToken ct)
    {
        var (submission, error) = await Incidents.SubmitReportAsync(db, incidentId, r.Stage, r.Sequence, r.Reference, ct);
        return error is not null ? Problem("stage", error) : submission is null ? TypedResults.NotFound() : TypedResults.Created($"/api/continuity/incidents/{incidentId}", submission);
    }
}
