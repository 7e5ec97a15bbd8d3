using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Lists;
using FinCloud.Rules.CloudUse;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.CloudUse;

public sealed record OpenCaseRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Title,
    CaseFacts Facts,
    DateOnly? AsOf = null);

/// <summary>A later event (제14조의2④): re-runs the rules as of the event's day.</summary>
public sealed record RecordEventRequest(CloudUseEventType Type, DateOnly On, [property: StringLength(1000)] string? Summary);

public sealed record CorrectFactsRequest(CaseFacts Facts, [property: StringLength(1000)] string? Summary);

public sealed record UpdateTaskRequest(TaskState? Status, Guid? OwnerId, DateOnly? DueBy);

public sealed record CommentRequest([property: Required, StringLength(4000, MinimumLength = 1)] string Text);

public sealed record CaseSummaryDto(Guid Id, string Title, CaseState State, bool IsMaterial, SupervisorReportKind ReportKind, DateOnly? ReportDueBy, int CurrentVersion, int? ApprovedVersion, string RegimeId);

public sealed record TaskDto(Guid Id, string Key, string TitleKo, string TitleEn, StepRequirement Requirement, DateOnly? DueBy, TaskState Status, Guid? OwnerId, string Citation, string? Note, IReadOnlyList<string> Evidence, int PlannedInVersion);

public sealed record VersionDto(int Number, CaseChange Change, string? Summary, string RegimeId, string CalendarVersion, DateTimeOffset CreatedAt);

public sealed record CaseDto(CaseSummaryDto Case, JsonElement Decision, string Explanation, IReadOnlyList<TaskDto> Tasks, IReadOnlyList<VersionDto> Versions);

/// <summary>One field that differs between two versions of a case.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>클라우드 이용 건: intake, decision, task plan, later events and the timeline.</summary>
public static class CloudUseApi
{
    public static RouteGroupBuilder MapCloudUseEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("cloud-use").WithTags("Cloud use");
        group.MapRegistryEndpoints();
        group.MapGet("cases", ListPageAsync).ActsOnCallerOrganization("the caller's cases");
        group.MapPost("services/{serviceId:guid}/cases", OpenAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new OpenCaseRequest("고객상담 SaaS", new CaseFacts(false, true, false, null, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 4))));
        group.MapGet("cases/{caseId:guid}", GetAsync);
        group.MapGet("cases/{caseId:guid}/diff", DiffAsync);
        group.MapPost("cases/{caseId:guid}/events", RecordEventAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new RecordEventRequest(CloudUseEventType.NewWork, new DateOnly(2027, 3, 2), "추가 업무"));
        group.MapPut("cases/{caseId:guid}/facts", CorrectFactsAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new CorrectFactsRequest(new CaseFacts(false, true, false, null, new DateOnly(2026, 12, 1), null), "계약일 정정"));
        group.MapPatch("cases/{caseId:guid}/tasks/{taskId:guid}", UpdateTaskAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new UpdateTaskRequest(TaskState.InProgress, null, null));
        group.MapPost("cases/{caseId:guid}/tasks/{taskId:guid}/comments", CommentAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new CommentRequest("검토 중"));
        group.MapWorkFormEndpoints();
        group.MapEvidenceEndpoints();
        group.MapCspInquiryEndpoints();
        group.MapCommitteeEndpoints();
        group.MapReportPackageEndpoints();
        return group;
    }

    /// <summary>One page of the organisation's cases, newest first; <paramref name="q"/> searches titles.</summary>
    public static async Task<Ok<List<CaseSummaryDto>>> ListAsync(FinCloudDbContext db, string? q, CaseState? state, int page = 1, int size = 50, CancellationToken ct = default)
    {
        var query = new ListQuery { Search = q, Page = page, PageSize = size }.WithFilter("state", state?.ToString());
        var result = await CaseList.PageAsync(db, query, ct);
        return TypedResults.Ok(result.Items.Select(Summary).ToList());
    }

    /// <summary>The API's list: paged in the database with the uniform paging headers; <c>size</c> is the older name of <c>pageSize</c>.</summary>
    public static async Task<Ok<List<CaseSummaryDto>>> ListPageAsync(
        FinCloudDbContext db, string? q, CaseState? state, HttpContext http, int page = 1, int? pageSize = null, int size = 50, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = new ListQuery { Search = q, Page = page, PageSize = pageSize ?? size }.WithFilter("state", state?.ToString());
        var result = await CaseList.PageAsync(db, query, ct);
        ApiPaging.SetTotal(http, result.TotalCount, result.Page, result.PageSize);
        return TypedResults.Ok(result.Items.Select(Summary).ToList());
    }

    public static CaseSummaryDto Summary(CloudUseCase c) =>
        new(c.Id, c.Title, c.State, c.IsMaterial, c.ReportKind, c.ReportDueBy, c.CurrentVersion, c.ApprovedVersion, c.RegimeId);

    public static Task<CloudUseCase?> LoadAsync(FinCloudDbContext db, Guid caseId, CancellationToken ct) =>
        db.CloudUseCases.Include(c => c.Versions).Include(c => c.Tasks).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == caseId, ct);

    public static async Task<Results<Created<CaseDto>, NotFound>> OpenAsync(Guid serviceId, OpenCaseRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var outcome = await CaseDecisions.DecideAsync(db, request.Title, serviceId, request.Facts, [], request.AsOf, ct);
        if (outcome is null)
        {
            return TypedResults.NotFound();
        }

        var c = CloudUseCase.Open(request.Title, serviceId, outcome.Scenario, outcome.Decision, outcome.Plan, db.Tenant.ActorId, db.Clock.GetUtcNow());
        db.CloudUseCases.Add(c);
        db.Audit(AuditEventType.CloudUseCaseOpened, nameof(CloudUseCase), c.Id,
            after: $"version=1; regime={c.RegimeId}; material={c.IsMaterial}; report={c.ReportKind}; due={c.ReportDueBy:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cloud-use/cases/{c.Id}", ToDto(c));
    }

    public static async Task<Results<Ok<CaseDto>, NotFound>> GetAsync(Guid caseId, FinCloudDbContext db, CancellationToken ct)
    {
        var c = await LoadAsync(db, caseId, ct);
        return c is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(c));
    }

    public static CaseDto ToDto(CloudUseCase c)
    {
        var version = c.Current;
        var scenario = version.Scenario;
        var decision = CloudUseRules.Evaluate(scenario);
        using var json = JsonDocument.Parse(version.DecisionJson);
        return new CaseDto(
            Summary(c),
            json.RootElement.Clone(),
            DecisionExplainer.Explain(scenario, decision),
            [.. c.Tasks.OrderBy(t => t.Status == TaskState.Obsolete).ThenBy(t => t.Order).Select(ToDto)],
            [.. c.Versions.OrderBy(v => v.Number).Select(v => new VersionDto(v.Number, v.Change, v.Summary, v.RegimeId, v.CalendarVersion, v.CreatedAt))]);
    }

    public static TaskDto ToDto(CloudUseTaskItem t) =>
        new(t.Id, t.Key, t.TitleKo, t.TitleEn, t.Requirement, t.DueBy, t.Status, t.OwnerId, t.Citation, t.Note,
            t.EvidenceHints.Split('\n', StringSplitOptions.RemoveEmptyEntries), t.PlannedInVersion);

    public static Task<Results<Ok<CaseDto>, NotFound, Conflict<string>>> RecordEventAsync(Guid caseId, RecordEventRequest request, FinCloudDbContext db, CancellationToken ct) =>
        ReviseAsync(db, caseId, CaseChange.Event, request.Summary ?? Korean.Event(request.Type), null, new CloudUseEvent(request.Type, request.On), request.On, ct);

    public static Task<Results<Ok<CaseDto>, NotFound, Conflict<string>>> CorrectFactsAsync(Guid caseId, CorrectFactsRequest request, FinCloudDbContext db, CancellationToken ct) =>
        ReviseAsync(db, caseId, CaseChange.Correction, request.Summary ?? "사실관계 정정", request.Facts, null, null, ct);

    /// <summary>
    /// Decides again on the changed facts. The as-of day stays the intake's for corrections and moves to the event's day for events,
    /// so an event after a regime change is decided under the rulebook then in force.
    /// </summary>
    public static async Task<Results<Ok<CaseDto>, NotFound, Conflict<string>>> ReviseAsync(
        FinCloudDbContext db, Guid caseId, CaseChange change, string summary, CaseFacts? facts, CloudUseEvent? newEvent, DateOnly? asOf, CancellationToken ct)
    {
        var c = await LoadAsync(db, caseId, ct);
        if (c is null)
        {
            return TypedResults.NotFound();
        }

        if (c.State == CaseState.Withdrawn)
        {
            return TypedResults.Conflict("withdrawn");
        }

        var previous = c.Current.Scenario;
        var events = newEvent is null ? previous.Events : [.. previous.Events, newEvent];
        var day = asOf is { } a && a > previous.AsOf ? a : previous.AsOf;
        var outcome = (await CaseDecisions.DecideAsync(db, c.Title, c.ServiceId, facts ?? CaseDecisions.FactsOf(previous), events, day, ct))!;
        var approved = c.ApprovedVersion;
        var invalidated = c.Revise(outcome.Scenario, outcome.Decision, outcome.Plan, change, summary, db.Tenant.ActorId, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.CloudUseCaseRevised, nameof(CloudUseCase), c.Id, before: $"version={c.CurrentVersion - 1}",
            after: $"version={c.CurrentVersion}; change={change}; regime={c.RegimeId}; due={c.ReportDueBy:yyyy-MM-dd}");
        if (invalidated)
        {
            db.Audit(AuditEventType.CloudUseApprovalInvalidated, nameof(CloudUseCase), c.Id, before: $"approved-version={approved}", after: "approval-invalidated");
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(c));
    }

    public static async Task<Results<Ok<List<FieldChange>>, NotFound>> DiffAsync(Guid caseId, int? number, FinCloudDbContext db, CancellationToken ct)
    {
        // Without a number: the latest version against the one before it.
        var n = number ?? await db.CloudUseCases.Where(c => c.Id == caseId).Select(c => c.CurrentVersion).SingleOrDefaultAsync(ct);
        var versions = await db.CloudUseCaseVersions.AsNoTracking().Where(v => v.CaseId == caseId && (v.Number == n || v.Number == n - 1)).ToListAsync(ct);
        var after = versions.SingleOrDefault(v => v.Number == n);
        if (after is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(Diff(versions.SingleOrDefault(v => v.Number == n - 1), after));
    }

    /// <summary>Field-by-field differences of the facts, the decision and the plan between two versions.</summary>
    public static List<FieldChange> Diff(CloudUseCaseVersion? before, CloudUseCaseVersion after)
    {
        var a = Flatten(before);
        var b = Flatten(after);
        return [.. a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Select(k => new FieldChange(k, a.GetValueOrDefault(k), b.GetValueOrDefault(k)))
            .Where(f => f.Before != f.After)];
    }

    private static Dictionary<string, string> Flatten(CloudUseCaseVersion? v)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (v is null)
        {
            return fields;
        }

        void Walk(string prefix, JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        Walk(prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}", p.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk($"{prefix}[{i++}]", item);
                    }

                    break;
                case JsonValueKind.Undefined:
                case JsonValueKind.String:
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                case JsonValueKind.Null:
                default:
                    fields[prefix] = e.ToString();
                    break;
            }
        }

        using (var s = JsonDocument.Parse(v.ScenarioJson))
        {
            Walk("scenario", s.RootElement);
        }

        using (var d = JsonDocument.Parse(v.DecisionJson))
        {
            foreach (var p in d.RootElement.EnumerateObject().Where(p => p.Name != "basis"))
            {
                Walk("decision." + p.Name, p.Value);
            }
        }

        return fields;
    }

    public static async Task<Results<Ok<TaskDto>, NotFound>> UpdateTaskAsync(Guid caseId, Guid taskId, UpdateTaskRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var task = await db.CloudUseTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.CaseId == caseId, ct);
        if (task is null)
        {
            return TypedResults.NotFound();
        }

        var now = db.Clock.GetUtcNow();
        var before = $"status={task.Status}; due={task.DueBy:yyyy-MM-dd}";
        if (request.Status is { } status)
        {
            task.SetStatus(status, now);
        }

        if (request.OwnerId is { } owner)
        {
            task.Assign(owner, now);
        }

        if (request.DueBy is { } due)
        {
            task.Reschedule(due, now);
        }

        db.Audit(AuditEventType.CloudUseTaskUpdated, nameof(CloudUseTaskItem), task.Id, before, $"status={task.Status}; due={task.DueBy:yyyy-MM-dd}; owner={task.OwnerId}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(task));
    }

    public static async Task<Results<Created, NotFound>> CommentAsync(Guid caseId, Guid taskId, CommentRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        if (!await db.CloudUseTasks.AnyAsync(t => t.Id == taskId && t.CaseId == caseId, ct))
        {
            return TypedResults.NotFound();
        }

        var comment = TaskComment.Write(taskId, db.Tenant.ActorId, request.Text, db.Clock.GetUtcNow());
        db.TaskComments.Add(comment);
        db.Audit(AuditEventType.CloudUseTaskCommented, nameof(TaskComment), comment.Id, after: $"task={taskId}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created();
    }
}
