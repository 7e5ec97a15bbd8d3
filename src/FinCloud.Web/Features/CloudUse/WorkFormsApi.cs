using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Rules.Catalogue;
using FinCloud.Rules.CloudUse;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.CloudUse;

public sealed record SaveFormRequest(JsonElement Content, bool Complete);

public sealed record FormDto(WorkFormKind Kind, bool Relaxed, bool Completed, JsonElement Content);

public sealed record MarkItemRequest(
    [property: Required, StringLength(50)] string ItemId,
    ItemOutcome Outcome,
    [property: StringLength(2000)] string? Note,
    DateOnly? RemediationDue,
    Guid? EvidenceId);

public sealed record EvaluationItemDto(string Id, string Domain, ItemClass Class, string Text, string? CoveredByCertificate, ItemOutcome? Outcome, string? Note, DateOnly? RemediationDue, Guid? EvidenceId);

/// <summary>Scope: every item in scope, how many remain for the institution, and how many it has marked.</summary>
public sealed record CspEvaluationFormDto(string CatalogueId, bool Illustrative, bool FsiResultReused, int InScope, int ExemptedByCertificate, int Remaining, int Marked, IReadOnlyList<EvaluationItemDto> Items);

/// <summary>The structured forms of the procedure steps (절차 서식) and the case's CSP evaluation.</summary>
public static class WorkFormsApi
{
    public static readonly IReadOnlyDictionary<string, WorkFormKind> Slugs = new Dictionary<string, WorkFormKind>(StringComparer.Ordinal)
    {
        ["importance-assessment"] = WorkFormKind.ImportanceAssessment,
        ["business-continuity-plan"] = WorkFormKind.BusinessContinuityPlan,
        ["security-measures"] = WorkFormKind.SecurityMeasures,
    };

    private static readonly string[] RequiredMessage = ["필수 항목입니다."];

    public static RouteGroupBuilder MapWorkFormEndpoints(this RouteGroupBuilder group)
    {
        foreach (var (slug, kind) in Slugs)
        {
            group.MapGet($"cases/{{caseId:guid}}/forms/{slug}", (Guid caseId, FinCloudDbContext db, CancellationToken ct) => GetFormAsync(caseId, kind, db, ct));
            group.MapPut($"cases/{{caseId:guid}}/forms/{slug}", (Guid caseId, SaveFormRequest request, FinCloudDbContext db, CancellationToken ct) => SaveFormAsync(caseId, kind, request, db, ct))
                .RequireAuthorization(Policies.Editor)
                .WithExampleRequest(new SaveFormRequest(JsonSerializer.SerializeToElement(new { }), false));
        }

        group.MapGet("cases/{caseId:guid}/csp-evaluation", GetEvaluationAsync);
        group.MapPut("cases/{caseId:guid}/csp-evaluation/items", MarkItemAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new MarkItemRequest("M-01", ItemOutcome.Met, "확인", null, null));
        return group;
    }

    /// <summary>Whether the step runs on the relaxed (△) template for this case.</summary>
    public static bool IsRelaxed(CloudUseCase c, WorkFormKind kind) =>
        c.Tasks.FirstOrDefault(t => t.Key == Key(kind) && t.Status != TaskState.Obsolete)?.Requirement == StepRequirement.Relaxed;

    public static string Key(WorkFormKind kind) => kind switch
    {
        WorkFormKind.ImportanceAssessment => TaskPlanner.ImportanceAssessment,
        WorkFormKind.BusinessContinuityPlan => TaskPlanner.BusinessContinuityPlan,
        WorkFormKind.SecurityMeasures => TaskPlanner.SecurityMeasures,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static async Task<(CloudUseCase Case, WorkForm Form)?> LoadFormAsync(FinCloudDbContext db, Guid caseId, WorkFormKind kind, CancellationToken ct)
    {
        var c = await CloudUseApi.LoadAsync(db, caseId, ct);
        if (c is null)
        {
            return null;
        }

        var form = await db.WorkForms.SingleOrDefaultAsync(f => f.CaseId == caseId && f.Kind == kind, ct);
        if (form is null)
        {
            form = WorkForm.Start(caseId, kind, IsRelaxed(c, kind), db.Clock.GetUtcNow());
            if (kind == WorkFormKind.ImportanceAssessment)
            {
                // Start from the intake answers: the hard triggers are already known.
                var w = c.Current.Scenario.Workload;
                form.Save(new ImportanceAssessmentContent
                {
                    UniqueIdentifiers = w.ProcessesUniqueIdentifiers,
                    PersonalCreditInfo = w.ProcessesPersonalCreditInfo,
                    MaterialEfImpact = w.MaterialImpactOnElectronicFinance,
                    Material = c.IsMaterial,
                }, false, null, db.Clock.GetUtcNow());
            }

            db.WorkForms.Add(form);
        }

        return (c, form);
    }

    public static async Task<Results<Ok<FormDto>, NotFound>> GetFormAsync(Guid caseId, WorkFormKind kind, FinCloudDbContext db, CancellationToken ct)
    {
        var loaded = await LoadFormAsync(db, caseId, kind, ct);
        if (loaded is not { Form: var form })
        {
            return TypedResults.NotFound();
        }

        using var json = JsonDocument.Parse(form.ContentJson);
        return TypedResults.Ok(new FormDto(kind, form.Relaxed, form.Completed, json.RootElement.Clone()));
    }

    public static async Task<Results<Ok<FormDto>, NotFound, ValidationProblem>> SaveFormAsync(Guid caseId, WorkFormKind kind, SaveFormRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var loaded = await LoadFormAsync(db, caseId, kind, ct);
        if (loaded is not { } l)
        {
            return TypedResults.NotFound();
        }

        object content;
        try
        {
            content = kind switch
            {
                WorkFormKind.ImportanceAssessment => request.Content.Deserialize<ImportanceAssessmentContent>(CloudUseCaseVersion.Json) ?? new(),
                WorkFormKind.BusinessContinuityPlan => request.Content.Deserialize<ContinuityPlanContent>(CloudUseCaseVersion.Json) ?? new(),
                WorkFormKind.SecurityMeasures => request.Content.Deserialize<SecurityMeasuresContent>(CloudUseCaseVersion.Json) ?? new(),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
        }
        catch (JsonException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["content"] = ["서식 내용을 읽을 수 없습니다."] });
        }

        return await SaveFormAsync(db, l.Case, l.Form, content, request.Complete, ct);
    }

    /// <summary>Saves a form; completing it checks the fields the (full or relaxed) template requires and completes its task.</summary>
    public static async Task<Results<Ok<FormDto>, NotFound, ValidationProblem>> SaveFormAsync(FinCloudDbContext db, CloudUseCase c, WorkForm form, object content, bool complete, CancellationToken ct)
    {
        if (complete && Missing(form, content) is { Count: > 0 } missing)
        {
            return TypedResults.ValidationProblem(missing.ToDictionary(m => m, _ => RequiredMessage));
        }

        var now = db.Clock.GetUtcNow();
        form.Save(content, complete, db.Tenant.ActorId, now);
        if (complete)
        {
            foreach (var t in c.Tasks.Where(t => t.Key == Key(form.Kind) && t.Status != TaskState.Obsolete))
            {
                t.SetStatus(TaskState.Done, now);
            }
        }

        db.Audit(AuditEventType.WorkFormSaved, nameof(WorkForm), form.Id, after: $"kind={form.Kind}; relaxed={form.Relaxed}; completed={form.Completed}");
        await db.SaveChangesAsync(ct);
        using var json = JsonDocument.Parse(form.ContentJson);
        return TypedResults.Ok(new FormDto(form.Kind, form.Relaxed, form.Completed, json.RootElement.Clone()));
    }

    /// <summary>The fields a completed form must fill; the relaxed template (△) asks for fewer.</summary>
    public static List<string> Missing(WorkForm form, object content)
    {
        var missing = new List<string>();
        void Need(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(name);
            }
        }

        switch (content)
        {
            case ImportanceAssessmentContent i:
                Need(nameof(i.Decider), i.Decider);
                Need(nameof(i.Rationale), i.Rationale);
                foreach (var criterion in i.Criteria.Where(x => string.IsNullOrWhiteSpace(x.Rationale) || x.Score is < 1 or > 5))
                {
                    missing.Add("criteria." + criterion.Key);
                }

                if (!i.Material && (i.UniqueIdentifiers || i.PersonalCreditInfo || i.MaterialEfImpact))
                {
                    // ED-2: a hard trigger makes the work material; the institution cannot judge it away.
                    missing.Add(nameof(i.Material));
                }

                break;
            case ContinuityPlanContent b:
                Need(nameof(b.Backup), b.Backup);
                Need(nameof(b.ExitDataReturn), b.ExitDataReturn);
                Need(nameof(b.ExitTermination), b.ExitTermination);
                if (!form.Relaxed)
                {
                    Need(nameof(b.DisasterRecovery), b.DisasterRecovery);
                    Need(nameof(b.IncidentDrill), b.IncidentDrill);
                    Need(nameof(b.ExitTransition), b.ExitTransition);
                }

                break;
            case SecurityMeasuresContent s:
                Need(nameof(s.AccountManagement), s.AccountManagement);
                Need(nameof(s.AccessControl), s.AccessControl);
                if (!form.Relaxed)
                {
                    Need(nameof(s.Encryption), s.Encryption);
                    Need(nameof(s.LoggingAndMonitoring), s.LoggingAndMonitoring);
                }

                break;
            default:
                break;
        }

        return missing;
    }

    public static async Task<CspEvaluation> CaseEvaluationAsync(FinCloudDbContext db, CloudUseCase c, CspEvaluationScoping scope, CancellationToken ct)
    {
        var e = await db.CspEvaluations.Include(x => x.Outcomes).SingleOrDefaultAsync(x => x.CaseId == c.Id, ct);
        if (e is null)
        {
            e = CspEvaluation.Start(c.ServiceId, c.Id, scope.FsiResultReused ? CspEvaluationKind.Fsi : CspEvaluationKind.Own, scope.CatalogueId, Rules.KoreanTime.Today(db.Clock), db.Clock.GetUtcNow());
            db.CspEvaluations.Add(e);
        }

        return e;
    }

    public static async Task<CspEvaluationFormDto?> EvaluationFormAsync(FinCloudDbContext db, Guid caseId, CancellationToken ct)
    {
        var c = await CloudUseApi.LoadAsync(db, caseId, ct);
        if (c is null)
        {
            return null;
        }

        var scope = await CaseDecisions.ScopeAsync(db, c, ct);
        var e = await db.CspEvaluations.AsNoTracking().Include(x => x.Outcomes).SingleOrDefaultAsync(x => x.CaseId == c.Id, ct);
        var outcomes = e?.Outcomes.ToDictionary(o => o.ItemId) ?? [];
        var exempt = scope.ExemptedByCertificate.ToDictionary(x => x.Item.Id, x => x.Scheme.DisplayName());
        var items = scope.InScope.Select(i =>
        {
            outcomes.TryGetValue(i.Id, out var o);
            return new EvaluationItemDto(i.Id, i.Domain, i.Class, i.Text, exempt.GetValueOrDefault(i.Id), o?.Outcome, o?.Note, o?.RemediationDue, o?.EvidenceId);
        }).ToList();
        var remaining = scope.Remaining.Select(r => r.Id).ToHashSet();
        return new CspEvaluationFormDto(scope.CatalogueId, scope.CatalogueIllustrative, scope.FsiResultReused, scope.InScope.Count, scope.ExemptedByCertificate.Count,
            scope.Remaining.Count, items.Count(i => i.Outcome is not null && remaining.Contains(i.Id)), items);
    }

    public static async Task<Results<Ok<CspEvaluationFormDto>, NotFound>> GetEvaluationAsync(Guid caseId, FinCloudDbContext db, CancellationToken ct) =>
        await EvaluationFormAsync(db, caseId, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    public static async Task<Results<Ok<CspEvaluationFormDto>, NotFound, ValidationProblem>> MarkItemAsync(Guid caseId, MarkItemRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var c = await CloudUseApi.LoadAsync(db, caseId, ct);
        if (c is null)
        {
            return TypedResults.NotFound();
        }

        var scope = await CaseDecisions.ScopeAsync(db, c, ct);
        if (scope.InScope.All(i => i.Id != request.ItemId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["itemId"] = ["이 건의 평가 범위에 없는 항목입니다."] });
        }

        if (request.EvidenceId is { } evidence && !await db.EvidenceFiles.AnyAsync(f => f.Id == evidence && f.CaseId == caseId, ct))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["evidenceId"] = ["이 건의 증빙이 아닙니다."] });
        }

        var e = await CaseEvaluationAsync(db, c, scope, ct);
        var now = db.Clock.GetUtcNow();
        e.Mark(request.ItemId, request.Outcome, request.Note, request.RemediationDue, request.EvidenceId, now);
        var marked = e.Outcomes.Select(o => o.ItemId).ToHashSet();
        if (scope.Remaining.All(i => marked.Contains(i.Id)))
        {
            var result = e.Unmet.Any() ? FsiEvaluationResult.Fail : FsiEvaluationResult.Pass;
            e.Conclude(result, Rules.KoreanTime.Today(db.Clock), Rules.KoreanTime.Today(db.Clock).AddYears(1));
            foreach (var t in c.Tasks.Where(t => t.Key == TaskPlanner.CspEvaluation && t.Status != TaskState.Obsolete))
            {
                t.SetStatus(TaskState.Done, now);
            }
        }

        db.Audit(AuditEventType.CspEvaluationItemMarked, nameof(CspEvaluation), e.Id, after: $"item={request.ItemId}; outcome={request.Outcome}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await EvaluationFormAsync(db, caseId, ct))!);
    }
}
