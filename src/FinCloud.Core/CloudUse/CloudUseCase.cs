using System.Text.Json;
using FinCloud.Core.Tenancy;
using FinCloud.Rules.CloudUse;

namespace FinCloud.Core.CloudUse;

/// <summary>
/// 클라우드 이용 건: one planned use of one service for one workload. Every change of facts makes a new
/// <see cref="CloudUseCaseVersion"/> decided under the rulebook in force; the committee approves one version.
/// </summary>
public sealed class CloudUseCase : ITenantOwned
{
    private readonly List<CloudUseCaseVersion> _versions = [];
    private readonly List<CloudUseTaskItem> _tasks = [];

    private CloudUseCase()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string Title { get; private set; } = "";

    public Guid ServiceId { get; private init; }

    public CaseState State { get; private set; }

    public int CurrentVersion { get; private set; }

    /// <summary>The version the 정보보호위원회 approved; null when none, or when a later change invalidated it.</summary>
    public int? ApprovedVersion { get; private set; }

    public bool IsMaterial { get; private set; }

    public SupervisorReportKind ReportKind { get; private set; }

    /// <summary>The earliest open report deadline of the current version.</summary>
    public DateOnly? ReportDueBy { get; private set; }

    public string RegimeId { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<CloudUseCaseVersion> Versions => _versions;

    public IReadOnlyList<CloudUseTaskItem> Tasks => _tasks;

    public static CloudUseCase Open(string title, Guid serviceId, CloudUseScenario scenario, CloudUseDecision decision, TaskPlan plan, Guid? actor, DateTimeOffset now)
    {
        var c = new CloudUseCase { Id = Guid.CreateVersion7(now), Title = title.Trim(), ServiceId = serviceId, CreatedAt = now, State = CaseState.Planning };
        c.AddVersion(scenario, decision, plan, CaseChange.Intake, null, actor, now);
        return c;
    }

    public CloudUseCaseVersion Current => _versions.Single(v => v.Number == CurrentVersion);

    /// <summary>
    /// A later event or corrected fact: a new version decided again. Returns true when it invalidated the committee's approval
    /// (the approved version no longer matches the facts).
    /// </summary>
    public bool Revise(CloudUseScenario scenario, CloudUseDecision decision, TaskPlan plan, CaseChange change, string? summary, Guid? actor, DateTimeOffset now)
    {
        if (State == CaseState.Withdrawn)
        {
            throw new InvalidOperationException("A withdrawn case cannot change.");
        }

        AddVersion(scenario, decision, plan, change, summary, actor, now);
        if (ApprovedVersion is null)
        {
            return false;
        }

        ApprovedVersion = null;
        State = CaseState.Planning;
        foreach (var t in _tasks.Where(t => t.Key == TaskPlanner.CommitteeResolution))
        {
            t.Reopen(now);
        }

        return true;
    }

    public void SubmitToCommittee(DateTimeOffset now)
    {
        if (State is CaseState.Planning or CaseState.Rejected)
        {
            State = CaseState.InCommittee;
            UpdatedAt = now;
        }
    }

    /// <summary>의결: locks the approved version; a later change of facts invalidates it.</summary>
    public void RecordResolution(bool approved, int version, DateTimeOffset now)
    {
        if (version != CurrentVersion)
        {
            throw new InvalidOperationException("The committee resolved on a version that is no longer current.");
        }

        ApprovedVersion = approved ? version : null;
        State = approved ? CaseState.Approved : CaseState.Rejected;
        UpdatedAt = now;
        if (approved)
        {
            foreach (var t in _tasks.Where(t => t.Key == TaskPlanner.CommitteeResolution && t.Status != TaskState.Obsolete))
            {
                t.SetStatus(TaskState.Done, now);
            }
        }
    }

    public void MarkReported(DateTimeOffset now)
    {
        State = CaseState.Reported;
        UpdatedAt = now;
    }

    public bool IsApprovalCurrent => ApprovedVersion is { } v && v == CurrentVersion;

    private void AddVersion(CloudUseScenario scenario, CloudUseDecision decision, TaskPlan plan, CaseChange change, string? summary, Guid? actor, DateTimeOffset now)
    {
        CurrentVersion++;
        _versions.Add(CloudUseCaseVersion.Create(Id, CurrentVersion, scenario, decision, plan, change, summary, actor, now));
        IsMaterial = decision.Materiality.Material;
        ReportKind = decision.SupervisorReport.Kind;
        RegimeId = decision.Regime.Id;
        UpdatedAt = now;
        ApplyPlan(plan, now);
        ReportDueBy = _tasks.Where(t => t.IsReport && t.Status is not (TaskState.Obsolete or TaskState.Done) && t.DueBy is not null)
            .Select(t => t.DueBy).Min();
    }

    /// <summary>Keeps every task whose key still applies (its status, owner, comments and evidence), adds new ones, retires the rest.</summary>
    private void ApplyPlan(TaskPlan plan, DateTimeOffset now)
    {
        var order = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var planned in plan.Tasks)
        {
            keys.Add(planned.Key);
            var task = _tasks.FirstOrDefault(t => t.Key == planned.Key);
            if (task is null)
            {
                _tasks.Add(CloudUseTaskItem.From(Id, planned, CurrentVersion, order, now));
            }
            else
            {
                task.Update(planned, order, now);
            }

            order++;
        }

        foreach (var gone in _tasks.Where(t => !keys.Contains(t.Key)))
        {
            gone.SetStatus(TaskState.Obsolete, now);
        }
    }
}

public enum CaseState
{
    /// <summary>절차 진행 중.</summary>
    Planning = 1,

    /// <summary>정보보호위원회 상정.</summary>
    InCommittee = 2,

    /// <summary>의결(승인).</summary>
    Approved = 3,

    /// <summary>부결.</summary>
    Rejected = 4,

    /// <summary>금융감독원 보고 완료.</summary>
    Reported = 5,

    Withdrawn = 6,
}

/// <summary>Why a version was made.</summary>
public enum CaseChange
{
    Intake = 1,

    /// <summary>A later event under the contract (제14조의2④ 1~4호).</summary>
    Event = 2,

    /// <summary>A fact corrected (dates, data categories, CSP evaluation).</summary>
    Correction = 3,
}

/// <summary>One version of a case: the facts, and the decision and plan made under the rulebook then in force.</summary>
public sealed class CloudUseCaseVersion : ITenantOwned
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private CloudUseCaseVersion()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; private init; }

    public int Number { get; private init; }

    public string ScenarioJson { get; private init; } = "";

    /// <summary>The decision in the contract's JSON, with its basis (rulebook version, provisions, calendar).</summary>
    public string DecisionJson { get; private init; } = "";

    public string PlanJson { get; private init; } = "";

    public string RegimeId { get; private init; } = "";

    public string CalendarVersion { get; private init; } = "";

    public CaseChange Change { get; private init; }

    public string? Summary { get; private init; }

    public Guid? CreatedBy { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public CloudUseScenario Scenario => JsonSerializer.Deserialize<CloudUseScenario>(ScenarioJson, Json)!;

    internal static CloudUseCaseVersion Create(Guid caseId, int number, CloudUseScenario scenario, CloudUseDecision decision, TaskPlan plan, CaseChange change, string? summary, Guid? actor, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            Number = number,
            ScenarioJson = JsonSerializer.Serialize(scenario, Json),
            DecisionJson = CloudUseJson.WriteDecision(decision, includeBasis: true),
            PlanJson = CloudUseJson.WritePlan(plan),
            RegimeId = decision.Regime.Id,
            CalendarVersion = decision.Basis.CalendarVersion,
            Change = change,
            Summary = summary,
            CreatedBy = actor,
            CreatedAt = now,
        };
}
