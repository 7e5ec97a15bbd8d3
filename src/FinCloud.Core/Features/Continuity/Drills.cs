using FinCloud.Core.Audit;
using FinCloud.Rules;
using FinCloud.Rules.Calendar;
using FinCloud.Rules.Continuity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Continuity;

public sealed record DrillPlanInput(string Title, DrillKind Kind, string Scenario, DateOnly PlannedOn, IReadOnlyList<Guid> ScopeAssetIds, bool IncludesExternalLinks);

/// <summary>One system's switchover as entered on the record form.</summary>
public sealed record DrillRunInput(Guid AssetId, DateTimeOffset? StartedAt, DateTimeOffset? RecoveredAt, bool Succeeded, int AutomatedSteps, int ManualSteps);

public sealed record DrillExecutionInput(DateOnly ExecutedOn, string? ProcedureVersionUsed, string? Summary, IReadOnlyList<DrillRunInput> Runs);

/// <summary>What recording an execution produced: the per-system results and the findings raised from them.</summary>
public sealed record DrillExecutionResult(IReadOnlyList<DrillSystemRun> Runs, IReadOnlyList<DrillFinding> Findings, IReadOnlyList<RemediationTask> Tasks);

/// <summary>Drills: plan, record the execution against each system's effective RTO, raise findings and remediation tasks.</summary>
public static class Drills
{
    /// <summary>Remediation of a drill finding is due one month after the drill, moved to a business day.</summary>
    public const int RemediationMonths = 1;

    public static async Task<(ContinuityDrill? Drill, string? Error)> PlanAsync(FinCloudDbContext db, DrillPlanInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var scope = input.ScopeAssetIds.Distinct().ToList();
        var known = await db.ItAssets.Where(a => scope.Contains(a.Id)).CountAsync(ct);
        if (known != scope.Count)
        {
            return (null, "훈련 범위에 찾을 수 없는 시스템이 있습니다");
        }

        var drill = ContinuityDrill.Plan(input.Title, input.Kind, input.Scenario, input.PlannedOn, scope, input.IncludesExternalLinks, db.Clock.GetUtcNow());
        db.ContinuityDrills.Add(drill);
        db.Audit(AuditEventType.DrillPlanned, nameof(ContinuityDrill), drill.Id, after: $"kind={drill.Kind}; planned={drill.PlannedOn:yyyy-MM-dd}; systems={scope.Count}");
        await db.SaveChangesAsync(ct);
        return (drill, null);
    }

    /// <summary>
    /// Records the execution. Each system is measured against its effective RTO from today's roll-up (kept on the
    /// run, so later BIA changes do not rewrite the result); a missed RTO, a failed switchover or a scoped system
    /// left untested becomes a finding with a remediation task on the deadline board.
    /// </summary>
    public static async Task<(DrillExecutionResult? Result, string? Error)> RecordExecutionAsync(FinCloudDbContext db, Guid drillId, DrillExecutionInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var drill = await db.ContinuityDrills.SingleOrDefaultAsync(d => d.Id == drillId, ct);
        if (drill is null)
        {
            return (null, null);
        }

        if (drill.Status != DrillStatus.Planned)
        {
            return (null, "이미 결과가 기록된 훈련입니다");
        }

        var now = db.Clock.GetUtcNow();
        if (input.ExecutedOn > KoreanTime.ToKoreanDate(now))
        {
            return (null, "훈련 실시일이 미래입니다");
        }

        var runIds = input.Runs.Select(r => r.AssetId).ToList();
        if (runIds.Distinct().Count() != runIds.Count || runIds.Any(id => !drill.ScopeAssetIds.Contains(id)))
        {
            return (null, "훈련 범위 밖의 시스템이거나 같은 시스템이 두 번 기록되었습니다");
        }

        var processes = await db.BusinessProcesses.AsNoTracking().ToListAsync(ct);
        var assets = await db.ItAssets.AsNoTracking().ToListAsync(ct);
        var thirdParties = await db.LinkedThirdPartyServices.AsNoTracking().ToListAsync(ct);
        var dependencies = await db.ContinuityDependencies.AsNoTracking().ToListAsync(ct);
        var rollup = ContinuitySnapshot.Rollup(processes, assets, thirdParties, dependencies);
        var coreIds = processes.Where(p => p.IsCore).Select(p => p.Id.ToString()).ToHashSet();
        var byId = assets.ToDictionary(a => a.Id);

        var runs = new List<DrillSystemRun>();
        var findings = new List<DrillFinding>();
        var due = CivilPeriod.DueAfterMonths(input.ExecutedOn, RemediationMonths, HolidayCalendar.Default);
        foreach (var run in input.Runs)
        {
            var node = rollup.Nodes[run.AssetId.ToString()];
            var rto = node.EffectiveRto ?? (byId[run.AssetId].DesignedRecoveryMinutes is { } m ? TimeSpan.FromMinutes(m) : TimeSpan.FromHours(24));
            var result = DrillEvaluation.Evaluate(new DrillStep(run.AssetId.ToString(), rto, run.StartedAt, run.RecoveredAt, run.Succeeded));
            var record = DrillSystemRun.Record(drill.Id, run.AssetId, (int)rto.TotalMinutes, run.StartedAt, run.RecoveredAt, run.Succeeded,
                result.Achieved is { } a ? (int)Math.Ceiling(a.TotalMinutes) : null, result.Met, run.AutomatedSteps, run.ManualSteps, result.Reason, now);
            runs.Add(record);
            if (!result.Met)
            {
                var core = node.GoverningProcessId is { } g && coreIds.Contains(g);
                findings.Add(DrillFinding.Raise(drill.Id, run.AssetId,
                    $"{(core ? "핵심업무 시스템" : "시스템")} '{byId[run.AssetId].Name}' RTO 미달성: {result.Reason}",
                    core ? FindingSeverity.High : FindingSeverity.Medium, now));
            }
            else if (run.ManualSteps > run.AutomatedSteps)
            {
                findings.Add(DrillFinding.Raise(drill.Id, run.AssetId,
                    $"'{byId[run.AssetId].Name}' 전환 절차의 수동 단계({run.ManualSteps})가 자동 단계({run.AutomatedSteps})보다 많습니다: 자동화 검토",
                    FindingSeverity.Low, now));
            }
        }

        foreach (var untested in drill.ScopeAssetIds.Where(id => !runIds.Contains(id)))
        {
            findings.Add(DrillFinding.Raise(drill.Id, untested, $"훈련 범위의 '{byId[untested].Name}' 구동테스트가 기록되지 않았습니다", FindingSeverity.Medium, now));
        }

        if (!drill.IncludesExternalLinks && drill.Kind is DrillKind.Switchover or DrillKind.Full)
        {
            findings.Add(DrillFinding.Raise(drill.Id, null, "주요 대외기관 연계가 훈련 범위에서 빠졌습니다", FindingSeverity.Medium, now));
        }

        var tasks = findings.Where(f => f.Severity >= FindingSeverity.Medium)
            .Select(f => RemediationTask.Open(f.Id, $"개선: {f.Text}", due, null, now)).ToList();

        var before = drill.Status.ToString();
        drill.RecordExecution(input.ExecutedOn, input.ProcedureVersionUsed, input.Summary);
        db.DrillSystemRuns.AddRange(runs);
        db.DrillFindings.AddRange(findings);
        db.RemediationTasks.AddRange(tasks);
        db.Audit(AuditEventType.DrillExecutionRecorded, nameof(ContinuityDrill), drill.Id, before,
            $"status={drill.Status}; systems={runs.Count}; met={runs.Count(r => r.Met)}; missed={runs.Count(r => !r.Met)}");
        foreach (var finding in findings)
        {
            db.Audit(AuditEventType.DrillFindingRaised, nameof(DrillFinding), finding.Id, after: $"drill={drill.Id}; severity={finding.Severity}; asset={finding.AssetId}");
        }

        foreach (var task in tasks)
        {
            db.Audit(AuditEventType.RemediationTaskOpened, nameof(RemediationTask), task.Id, after: $"finding={task.FindingId}; due={task.DueOn:yyyy-MM-dd}");
        }

        await db.SaveChangesAsync(ct);
        return (new DrillExecutionResult(runs, findings, tasks), null);
    }

    public static async Task<RemediationTask?> CompleteRemediationAsync(FinCloudDbContext db, Guid taskId, string outcome, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var task = await db.RemediationTasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || task.Status == RemediationStatus.Done)
        {
            return task;
        }

        task.Complete(outcome, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.RemediationTaskCompleted, nameof(RemediationTask), task.Id, before: "open", after: "done");
        await db.SaveChangesAsync(ct);
        return task;
    }
}
