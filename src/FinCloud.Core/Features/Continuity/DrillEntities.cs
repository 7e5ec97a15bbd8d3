using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Features.Continuity;

public enum DrillKind
{
    /// <summary>재해복구 전환훈련: real switch to the DR site for the scoped systems.</summary>
    Switchover = 1,

    /// <summary>전면 전환훈련: every system and external link.</summary>
    Full = 2,

    /// <summary>구동테스트 only.</summary>
    StartupTest = 3,

    /// <summary>모의훈련 (tabletop).</summary>
    Tabletop = 4,
}

public enum DrillStatus
{
    Planned = 1,
    Executed = 2,
    Cancelled = 3,
}

/// <summary>비상대응훈련 / 재해복구 전환훈련: the plan and, once held, the execution record.</summary>
public sealed class ContinuityDrill : ITenantOwned
{
    private ContinuityDrill()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string Title { get; private set; } = "";

    public DrillKind Kind { get; private set; }

    /// <summary>훈련 시나리오, e.g. 주전산센터 화재.</summary>
    public string Scenario { get; private set; } = "";

    public DateOnly PlannedOn { get; private set; }

    /// <summary>The systems in scope.</summary>
    public List<Guid> ScopeAssetIds { get; private set; } = [];

    public bool IncludesExternalLinks { get; private set; }

    public DrillStatus Status { get; private set; }

    public DateOnly? ExecutedOn { get; private set; }

    /// <summary>The emergency procedure and its version followed (e.g. <c>데이터센터 소실 v3</c>).</summary>
    public string? ProcedureVersionUsed { get; private set; }

    public string? Summary { get; private set; }

    public static ContinuityDrill Plan(string title, DrillKind kind, string scenario, DateOnly plannedOn, IReadOnlyList<Guid> scope, bool includesExternalLinks, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now), Title = title.Trim(), Kind = kind, Scenario = scenario.Trim(), PlannedOn = plannedOn,
            ScopeAssetIds = [.. scope.Distinct()], IncludesExternalLinks = includesExternalLinks, Status = DrillStatus.Planned,
        };

    public void RecordExecution(DateOnly executedOn, string? procedureVersionUsed, string? summary)
    {
        Status = DrillStatus.Executed;
        ExecutedOn = executedOn;
        ProcedureVersionUsed = procedureVersionUsed;
        Summary = summary;
    }
}

/// <summary>One system's switchover in a drill: times, result against the RTO in force at the drill, automation.</summary>
public sealed class DrillSystemRun : ITenantOwned
{
    private DrillSystemRun()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid DrillId { get; private init; }

    public Guid AssetId { get; private init; }

    /// <summary>The system's effective RTO when the drill ran (a later BIA change does not rewrite history).</summary>
    public int RtoMinutes { get; private init; }

    public DateTimeOffset? StartedAt { get; private init; }

    public DateTimeOffset? RecoveredAt { get; private init; }

    public bool Succeeded { get; private init; }

    public int? AchievedMinutes { get; private init; }

    public bool Met { get; private init; }

    public int AutomatedSteps { get; private init; }

    public int ManualSteps { get; private init; }

    public string Result { get; private init; } = "";

    public static DrillSystemRun Record(Guid drillId, Guid assetId, int rtoMinutes, DateTimeOffset? startedAt, DateTimeOffset? recoveredAt, bool succeeded,
        int? achievedMinutes, bool met, int automatedSteps, int manualSteps, string result, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now), DrillId = drillId, AssetId = assetId, RtoMinutes = rtoMinutes, StartedAt = startedAt?.ToUniversalTime(), RecoveredAt = recoveredAt?.ToUniversalTime(),
            Succeeded = succeeded, AchievedMinutes = achievedMinutes, Met = met, AutomatedSteps = automatedSteps, ManualSteps = manualSteps, Result = result,
        };
}

public enum FindingSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>훈련 지적사항: what the drill showed, e.g. a core system that missed its RTO.</summary>
public sealed class DrillFinding : ITenantOwned
{
    private DrillFinding()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid DrillId { get; private init; }

    public Guid? AssetId { get; private init; }

    public string Text { get; private init; } = "";

    public FindingSeverity Severity { get; private init; }

    public static DrillFinding Raise(Guid drillId, Guid? assetId, string text, FindingSeverity severity, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), DrillId = drillId, AssetId = assetId, Text = text, Severity = severity };
}

public enum RemediationStatus
{
    Open = 1,
    Done = 2,
}

/// <summary>개선 과제: the follow-up of a finding, with an owner and a due date on the deadline board.</summary>
public sealed class RemediationTask : ITenantOwned
{
    private RemediationTask()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid FindingId { get; private init; }

    public string Title { get; private set; } = "";

    public Guid? AssigneeId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public RemediationStatus Status { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? Outcome { get; private set; }

    public static RemediationTask Open(Guid findingId, string title, DateOnly dueOn, Guid? assigneeId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), FindingId = findingId, Title = title, DueOn = dueOn, AssigneeId = assigneeId, Status = RemediationStatus.Open };

    public void Complete(string outcome, DateTimeOffset now)
    {
        Status = RemediationStatus.Done;
        Outcome = outcome;
        CompletedAt = now;
    }
}
