using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Features.Continuity;

public enum JointDrillStatus
{
    /// <summary>예정·진행: institutions record and submit results.</summary>
    Scheduled = 1,

    /// <summary>종료: the supervisor closed the drill; late results are still received and shown as late.</summary>
    Closed = 2,
}

/// <summary>
/// 업권 공동 재해복구 전환훈련: a switchover drill the FSS schedules for a sector or named institutions, with the linked
/// external institutions (금융결제원, 한국거래소 …). Owned by the FSS; institutions read only the drills they are invited to.
/// </summary>
public sealed class JointDrill : ITenantOwned
{
    private JointDrill()
    {
    }

    public Guid Id { get; private init; }

    /// <summary>The supervisor that scheduled it.</summary>
    public Guid OrganizationId { get; set; }

    public string Title { get; private init; } = "";

    public string Scenario { get; private init; } = "";

    /// <summary>훈련 기간 (KST).</summary>
    public DateOnly WindowFrom { get; private init; }

    public DateOnly WindowTo { get; private init; }

    /// <summary>결과 제출 기한.</summary>
    public DateOnly ReportBy { get; private init; }

    /// <summary>연계 대외기관, comma-separated (금융결제원, 한국거래소 …).</summary>
    public string ExternalInstitutions { get; private init; } = "";

    /// <summary>The sector the drill was scheduled for, when it was scheduled by sector.</summary>
    public InstitutionSector? Sector { get; private init; }

    /// <summary>The invited institutions, resolved when scheduled (a sector's members at that time plus any named).</summary>
    public List<Guid> InvitedOrganizationIds { get; private init; } = [];

    public JointDrillStatus Status { get; private set; }

    public DateTimeOffset ScheduledAt { get; private init; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public static JointDrill Schedule(string title, string scenario, DateOnly from, DateOnly to, DateOnly reportBy, string externalInstitutions,
        InstitutionSector? sector, IReadOnlyCollection<Guid> invited, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now), Title = title.Trim(), Scenario = scenario.Trim(), WindowFrom = from, WindowTo = to, ReportBy = reportBy,
            ExternalInstitutions = externalInstitutions.Trim(), Sector = sector, InvitedOrganizationIds = [.. invited.Distinct()],
            Status = JointDrillStatus.Scheduled, ScheduledAt = now,
        };

    public void Close(DateTimeOffset now)
    {
        Status = JointDrillStatus.Closed;
        ClosedAt = now;
    }
}

/// <summary>One system's outcome in an institution's joint-drill result: its RTO and the time achieved in the linked drill.</summary>
public sealed class JointDrillSystemOutcome
{
    public string System { get; set; } = "";

    public bool Core { get; set; }

    public int RtoMinutes { get; set; }

    public int? AchievedMinutes { get; set; }

    public bool Switched { get; set; }

    public bool Met { get; set; }
}

public enum ParticipationStatus
{
    /// <summary>초대됨: nothing recorded yet.</summary>
    Invited = 1,

    /// <summary>결과 기록 (not yet submitted; the institution may still change it).</summary>
    Recorded = 2,

    /// <summary>제출: shared with the supervisor, no longer editable.</summary>
    Submitted = 3,
}

/// <summary>
/// 공동훈련 참여: the institution's copy of a joint drill it is invited to and its result, linked to its own drill record.
/// Owned by the institution; the supervisor receives a copy only once it is submitted.
/// </summary>
public sealed class JointDrillParticipation : ITenantOwned
{
    private JointDrillParticipation()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>The supervisor's drill, as the supervisor names it.</summary>
    public Guid JointDrillId { get; private init; }

    public Guid SupervisorOrganizationId { get; private init; }

    public string SupervisorName { get; private init; } = "";

    public string Title { get; private init; } = "";

    public string Scenario { get; private init; } = "";

    public DateOnly WindowFrom { get; private init; }

    public DateOnly WindowTo { get; private init; }

    public DateOnly ReportBy { get; private init; }

    public string ExternalInstitutions { get; private init; } = "";

    public ParticipationStatus Status { get; private set; }

    public bool Participated { get; private set; }

    /// <summary>The institution's own drill record the result comes from.</summary>
    public Guid? DrillId { get; private set; }

    public int SystemsInScope { get; private set; }

    public int SystemsSwitched { get; private set; }

    public int SystemsMissedRto { get; private set; }

    public int CoreSystemsMissedRto { get; private set; }

    /// <summary>문제점·개선사항.</summary>
    public string? Issues { get; private set; }

    public List<JointDrillSystemOutcome> Systems { get; private set; } = [];

    public DateTimeOffset ReceivedAt { get; private init; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public static JointDrillParticipation Receive(JointDrill drill, string supervisorName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(drill);
        return new()
        {
            Id = Guid.CreateVersion7(now), JointDrillId = drill.Id, SupervisorOrganizationId = drill.OrganizationId, SupervisorName = supervisorName,
            Title = drill.Title, Scenario = drill.Scenario, WindowFrom = drill.WindowFrom, WindowTo = drill.WindowTo, ReportBy = drill.ReportBy,
            ExternalInstitutions = drill.ExternalInstitutions, Status = ParticipationStatus.Invited, ReceivedAt = now,
        };
    }

    public void Record(bool participated, Guid? drillId, IReadOnlyList<JointDrillSystemOutcome> systems, string? issues)
    {
        ArgumentNullException.ThrowIfNull(systems);
        if (Status == ParticipationStatus.Submitted)
        {
            throw new InvalidOperationException("A submitted result is closed.");
        }

        Participated = participated;
        DrillId = participated ? drillId : null;
        Systems = participated ? [.. systems] : [];
        SystemsInScope = Systems.Count;
        SystemsSwitched = Systems.Count(s => s.Switched);
        SystemsMissedRto = Systems.Count(s => !s.Met);
        CoreSystemsMissedRto = Systems.Count(s => s.Core && !s.Met);
        Issues = string.IsNullOrWhiteSpace(issues) ? null : issues.Trim();
        Status = ParticipationStatus.Recorded;
    }

    public void Submit(DateTimeOffset now)
    {
        if (Status != ParticipationStatus.Recorded)
        {
            throw new InvalidOperationException("Only a recorded result can be submitted.");
        }

        Status = ParticipationStatus.Submitted;
        SubmittedAt = now;
    }
}

/// <summary>
/// 공동훈련 결과 접수: the supervisor's copy of one institution's submitted result. Owned by the supervisor, so the sector
/// view never reads the institutions' rows; it copies what the institution sent.
/// </summary>
public sealed class JointDrillResult : ITenantOwned
{
    private JointDrillResult()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid JointDrillId { get; private init; }

    public Guid InstitutionOrganizationId { get; private init; }

    public string InstitutionName { get; private init; } = "";

    public InstitutionSector? Sector { get; private init; }

    /// <summary>The institution's participation record, as the institution names it.</summary>
    public Guid SourceParticipationId { get; private init; }

    public bool Participated { get; private init; }

    public int SystemsInScope { get; private init; }

    public int SystemsSwitched { get; private init; }

    public int SystemsMissedRto { get; private init; }

    public int CoreSystemsMissedRto { get; private init; }

    public string? Issues { get; private init; }

    public List<JointDrillSystemOutcome> Systems { get; private init; } = [];

    public DateTimeOffset SubmittedAt { get; private init; }

    public DateTimeOffset ReceivedAt { get; private init; }

    public static JointDrillResult Receive(JointDrillParticipation p, Organization institution, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(institution);
        return new()
        {
            Id = Guid.CreateVersion7(now), JointDrillId = p.JointDrillId, InstitutionOrganizationId = institution.Id, InstitutionName = institution.NameKo,
            Sector = institution.Sector, SourceParticipationId = p.Id, Participated = p.Participated, SystemsInScope = p.SystemsInScope,
            SystemsSwitched = p.SystemsSwitched, SystemsMissedRto = p.SystemsMissedRto, CoreSystemsMissedRto = p.CoreSystemsMissedRto, Issues = p.Issues,
            Systems = [.. p.Systems.Select(s => new JointDrillSystemOutcome
            {
                System = s.System, Core = s.Core, RtoMinutes = s.RtoMinutes, AchievedMinutes = s.AchievedMinutes, Switched = s.Switched, Met = s.Met,
            })],
            SubmittedAt = p.SubmittedAt ?? now, ReceivedAt = now,
        };
    }
}
