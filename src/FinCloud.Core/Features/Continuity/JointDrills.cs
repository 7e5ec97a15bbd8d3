using FinCloud.Core.Audit;
using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;
using FinCloud.Rules;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Continuity;

public sealed record JointDrillInput(
    string Title,
    string Scenario,
    DateOnly WindowFrom,
    DateOnly WindowTo,
    DateOnly ReportBy,
    string ExternalInstitutions,
    InstitutionSector? Sector,
    IReadOnlyList<Guid> InstitutionIds);

public sealed record JointDrillResultInput(bool Participated, Guid? DrillId, string? Issues);

/// <summary>One invited institution in the supervisor's sector view: its result once submitted, or none yet.</summary>
public sealed record JointDrillInstitutionRow(Guid OrganizationId, string Name, InstitutionSector? Sector, JointDrillResult? Result, bool Late)
{
    public bool Reported => Result is not null;

    public bool MissedRto => Result is { SystemsMissedRto: > 0 };
}

/// <summary>The sector's outcome of one joint drill, as the supervisor sees it.</summary>
public sealed record JointDrillOutcome(JointDrill Drill, IReadOnlyList<JointDrillInstitutionRow> Institutions)
{
    public int Invited => Institutions.Count;

    public int Reported => Institutions.Count(i => i.Reported);

    public int NotReported => Invited - Reported;

    public int Participated => Institutions.Count(i => i.Result is { Participated: true });

    public int MissedRto => Institutions.Count(i => i.MissedRto);
}

/// <summary>A joint drill in the supervisor's list with its reporting figures.</summary>
public sealed record JointDrillSummary(JointDrill Drill, int Invited, int Reported, int MissedRto);

/// <summary>
/// 업권 공동 재해복구 전환훈련. The FSS schedules; each invited institution receives the drill into its own records,
/// records its result from its own drill record and submits it (the explicit share); the FSS receives submitted results
/// into its own records. Neither side writes the other's rows, and institutions never see each other's results.
/// </summary>
public static class JointDrills
{
    /// <summary>Financial institutions the supervisor may invite, by name.</summary>
    public static Task<List<Organization>> InstitutionsAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.FinancialInstitution).OrderBy(o => o.NameKo).ToListAsync(ct);
    }

    /// <summary>Schedules a joint drill. Errors are keyed by the field they concern.</summary>
    public static async Task<(JointDrill? Drill, IReadOnlyDictionary<string, string> Errors)> ScheduleAsync(FinCloudDbContext db, JointDrillInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        // Any organisation may keep a drill here (as with FSI evaluations); only a supervisor's drills reach the
        // institutions it names (see ReceiveInvitationsAsync), and the pages offer scheduling to the FSS only.
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = "훈련명을 입력하세요";
        }

        if (string.IsNullOrWhiteSpace(input.Scenario))
        {
            errors["scenario"] = "시나리오를 입력하세요";
        }

        if (input.WindowTo < input.WindowFrom)
        {
            errors["windowTo"] = "훈련 종료일이 시작일보다 빠릅니다";
        }

        if (input.ReportBy < input.WindowTo)
        {
            errors["reportBy"] = "결과 제출 기한은 훈련 종료일 이후여야 합니다";
        }

        var named = input.InstitutionIds.Distinct().ToList();
        var invited = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.FinancialInstitution && (named.Contains(o.Id) || (input.Sector != null && o.Sector == input.Sector)))
            .Select(o => o.Id).ToListAsync(ct);
        if (named.Except(invited).Any())
        {
            errors["institutionIds"] = "금융회사가 아닌 기관이 포함되어 있습니다";
        }
        else if (invited.Count == 0)
        {
            errors["institutionIds"] = "참여 기관이 없습니다: 업권이나 기관을 선택하세요";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var drill = JointDrill.Schedule(input.Title, input.Scenario, input.WindowFrom, input.WindowTo, input.ReportBy, input.ExternalInstitutions, input.Sector, invited, db.Clock.GetUtcNow());
        db.JointDrills.Add(drill);
        db.Audit(AuditEventType.JointDrillScheduled, nameof(JointDrill), drill.Id,
            after: $"window={drill.WindowFrom:yyyy-MM-dd}..{drill.WindowTo:yyyy-MM-dd}; sector={drill.Sector}; invited={invited.Count}");
        await db.SaveChangesAsync(ct);
        return (drill, errors);
    }

    public static async Task<JointDrill?> CloseAsync(FinCloudDbContext db, Guid jointDrillId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var drill = await db.JointDrills.SingleOrDefaultAsync(d => d.Id == jointDrillId, ct);
        if (drill is null || drill.Status == JointDrillStatus.Closed)
        {
            return drill;
        }

        drill.Close(db.Clock.GetUtcNow());
        db.Audit(AuditEventType.JointDrillClosed, nameof(JointDrill), drill.Id, before: "scheduled", after: "closed");
        await db.SaveChangesAsync(ct);
        return drill;
    }

    /// <summary>The supervisor's drills with how many invited institutions reported and missed an RTO.</summary>
    public static async Task<IReadOnlyList<JointDrillSummary>> SupervisorListAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await ReceiveResultsAsync(db, ct);
        var drills = await db.JointDrills.AsNoTracking().OrderByDescending(d => d.Id).ToListAsync(ct);
        var results = (await db.JointDrillResults.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.JointDrillId);
        return [.. drills.Select(d => new JointDrillSummary(d, d.InvitedOrganizationIds.Count, results[d.Id].Count(), results[d.Id].Count(r => r.SystemsMissedRto > 0)))];
    }

    /// <summary>The sector view of one drill: every invited institution, reported or not; null when not the caller's drill.</summary>
    public static async Task<JointDrillOutcome?> OutcomeAsync(FinCloudDbContext db, Guid jointDrillId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var drill = await db.JointDrills.AsNoTracking().SingleOrDefaultAsync(d => d.Id == jointDrillId, ct);
        if (drill is null)
        {
            return null;
        }

        await ReceiveResultsAsync(db, ct);
        var results = (await db.JointDrillResults.AsNoTracking().Where(r => r.JointDrillId == drill.Id).ToListAsync(ct))
            .GroupBy(r => r.InstitutionOrganizationId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Id).Last());
        var invited = drill.InvitedOrganizationIds;
        var organizations = await db.Organizations.AsNoTracking().Where(o => invited.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var rows = invited.Select(id =>
        {
            organizations.TryGetValue(id, out var o);
            var result = results.GetValueOrDefault(id);
            var late = result is not null && KoreanTime.ToKoreanDate(result.SubmittedAt) > drill.ReportBy;
            return new JointDrillInstitutionRow(id, o?.NameKo ?? result?.InstitutionName ?? "?", o?.Sector, result, late);
        })
            .OrderBy(r => r.Reported).ThenByDescending(r => r.MissedRto).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new JointDrillOutcome(drill, rows);
    }

    /// <summary>
    /// Copies results that invited institutions submitted for this supervisor's drills into its own records. Reads past the
    /// tenant filter only submitted participations naming this supervisor and one of its drills that invited the institution;
    /// each copy is audited.
    /// </summary>
    public static async Task<int> ReceiveResultsAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.ActsAsAsync(OrganizationKind.Fss, ct))
        {
            return 0;
        }

        var me = db.Tenant.RequireOrganization();
        var drills = await db.JointDrills.AsNoTracking().Select(d => new { d.Id, d.InvitedOrganizationIds }).ToListAsync(ct);
        if (drills.Count == 0)
        {
            return 0;
        }

        var drillIds = drills.Select(d => d.Id).ToList();
        var known = await db.JointDrillResults.Select(r => r.SourceParticipationId).ToListAsync(ct);
        var submitted = await db.JointDrillParticipations.AcrossTenants(AcrossTenantsReason.SupervisoryGrant).AsNoTracking()
            .Where(p => p.Status == ParticipationStatus.Submitted && p.SupervisorOrganizationId == me && drillIds.Contains(p.JointDrillId) && !known.Contains(p.Id))
            .ToListAsync(ct);
        var invitations = drills.ToDictionary(d => d.Id, d => d.InvitedOrganizationIds.ToHashSet());
        submitted = [.. submitted.Where(p => invitations[p.JointDrillId].Contains(p.OrganizationId))];
        if (submitted.Count == 0)
        {
            return 0;
        }

        var organizationIds = submitted.Select(p => p.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var now = db.Clock.GetUtcNow();
        foreach (var p in submitted)
        {
            var result = JointDrillResult.Receive(p, organizations[p.OrganizationId], now);
            db.JointDrillResults.Add(result);
            db.Audit(AuditEventType.SharedRecordRead, nameof(JointDrillParticipation), p.Id, after: $"received as joint-drill result {result.Id}");
            db.Audit(AuditEventType.JointDrillResultReceived, nameof(JointDrillResult), result.Id,
                after: $"drill={p.JointDrillId}; participated={p.Participated}; missed={p.SystemsMissedRto}");
        }

        await db.SaveChangesAsync(ct);
        return submitted.Count;
    }

    /// <summary>
    /// Brings the joint drills a supervisor of this installation scheduled for this institution into its own records.
    /// Reads past the tenant filter only drills whose invitation list names this institution.
    /// </summary>
    public static async Task<int> ReceiveInvitationsAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var me = db.Tenant.RequireOrganization();
        var known = await db.JointDrillParticipations.Select(p => p.JointDrillId).ToListAsync(ct);
        var drills = await db.JointDrills.AcrossTenants(AcrossTenantsReason.JointDrillInvitation).AsNoTracking()
            .Where(d => d.InvitedOrganizationIds.Contains(me) && !known.Contains(d.Id)).ToListAsync(ct);
        if (drills.Count == 0)
        {
            return 0;
        }

        var supervisorIds = drills.Select(d => d.OrganizationId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => supervisorIds.Contains(o.Id) && o.Kind == OrganizationKind.Fss)
            .ToDictionaryAsync(o => o.Id, o => o.NameKo, ct);
        var now = db.Clock.GetUtcNow();
        var received = 0;
        foreach (var d in drills.Where(d => names.ContainsKey(d.OrganizationId)))
        {
            var p = JointDrillParticipation.Receive(d, names[d.OrganizationId], now);
            db.JointDrillParticipations.Add(p);
            db.Audit(AuditEventType.JointDrillInvitationReceived, nameof(JointDrillParticipation), p.Id, after: $"joint-drill={d.Id}");
            received++;
        }

        await db.SaveChangesAsync(ct);
        return received;
    }

    /// <summary>The institution's invitations, newest first (receiving new ones first).</summary>
    public static async Task<IReadOnlyList<JointDrillParticipation>> InvitationsAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await ReceiveInvitationsAsync(db, ct);
        return await db.JointDrillParticipations.AsNoTracking().OrderByDescending(p => p.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Records the institution's result from its own executed drill: each system of the drill with its RTO at the drill,
    /// the time achieved and whether it was met, core systems marked. Not participating needs no drill.
    /// </summary>
    public static async Task<(JointDrillParticipation? Participation, IReadOnlyDictionary<string, string> Errors)> RecordResultAsync(
        FinCloudDbContext db, Guid participationId, JointDrillResultInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var p = await db.JointDrillParticipations.SingleOrDefaultAsync(x => x.Id == participationId, ct);
        if (p is null)
        {
            return (null, errors);
        }

        if (p.Status == ParticipationStatus.Submitted)
        {
            errors["status"] = "이미 제출한 결과는 바꿀 수 없습니다";
            return (p, errors);
        }

        List<JointDrillSystemOutcome> systems = [];
        if (input.Participated)
        {
            var drill = input.DrillId is { } drillId ? await db.ContinuityDrills.AsNoTracking().SingleOrDefaultAsync(d => d.Id == drillId, ct) : null;
            if (drill is null)
            {
                errors["drillId"] = "참여 결과에는 우리 기관의 훈련 기록을 연결해야 합니다";
            }
            else if (drill.Status != DrillStatus.Executed)
            {
                errors["drillId"] = "결과가 기록된 훈련만 연결할 수 있습니다";
            }
            else
            {
                var runs = await db.DrillSystemRuns.AsNoTracking().Where(r => r.DrillId == drill.Id).ToListAsync(ct);
                // The BIA graph only (not the whole dashboard snapshot): effective RTOs and which systems serve core work.
                var processes = await db.BusinessProcesses.AsNoTracking().ToListAsync(ct);
                var assets = await db.ItAssets.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
                var thirdParties = await db.LinkedThirdPartyServices.AsNoTracking().ToListAsync(ct);
                var dependencies = await db.ContinuityDependencies.AsNoTracking().ToListAsync(ct);
                var rollup = ContinuitySnapshot.Rollup(processes, assets.Values, thirdParties, dependencies);
                var core = ContinuitySnapshot.CoreReach(processes.Where(x => x.IsCore).Select(x => x.Id.ToString()), dependencies);
                systems = [.. drill.ScopeAssetIds.Select(id =>
                {
                    var run = runs.SingleOrDefault(r => r.AssetId == id);
                    assets.TryGetValue(id, out var asset);
                    return new JointDrillSystemOutcome
                    {
                        System = asset?.Name ?? "?",
                        Core = core.ContainsKey(id),
                        RtoMinutes = run?.RtoMinutes ?? (int)(rollup.EffectiveRto(id.ToString())?.TotalMinutes ?? 0),
                        AchievedMinutes = run?.AchievedMinutes,
                        Switched = run is { Succeeded: true },
                        Met = run is { Met: true },
                    };
                }).OrderByDescending(s => s.Core).ThenBy(s => s.System, StringComparer.Ordinal)];
                if (systems.Count == 0)
                {
                    errors["drillId"] = "연결한 훈련에 시스템이 없습니다";
                }
            }
        }

        if (input.Issues is { Length: > 2000 })
        {
            errors["issues"] = "문제점은 2000자 이내로 입력하세요";
        }

        if (errors.Count > 0)
        {
            return (p, errors);
        }

        var before = p.Status;
        p.Record(input.Participated, input.DrillId, systems, input.Issues);
        db.Audit(AuditEventType.JointDrillResultRecorded, nameof(JointDrillParticipation), p.Id, before: before.ToString(),
            after: $"participated={p.Participated}; drill={p.DrillId}; switched={p.SystemsSwitched}/{p.SystemsInScope}; missed={p.SystemsMissedRto}");
        await db.SaveChangesAsync(ct);
        return (p, errors);
    }

    /// <summary>Submits the recorded result to the supervisor: the explicit share. Returns an error key when not recorded yet.</summary>
    public static async Task<(JointDrillParticipation? Participation, string? Error)> SubmitAsync(FinCloudDbContext db, Guid participationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var p = await db.JointDrillParticipations.SingleOrDefaultAsync(x => x.Id == participationId, ct);
        if (p is null)
        {
            return (null, null);
        }

        if (p.Status != ParticipationStatus.Recorded)
        {
            return (p, p.Status == ParticipationStatus.Submitted ? "already-submitted" : "not-recorded");
        }

        p.Submit(db.Clock.GetUtcNow());
        db.Audit(AuditEventType.JointDrillResultSubmitted, nameof(JointDrillParticipation), p.Id, before: "Recorded",
            after: $"Submitted; joint-drill={p.JointDrillId}; supervisor={p.SupervisorOrganizationId}");
        await db.SaveChangesAsync(ct);
        return (p, null);
    }
}
