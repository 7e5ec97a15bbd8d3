using FinCloud.Core.Tenancy;
using FinCloud.Rules.Continuity;

namespace FinCloud.Core.Features.Continuity;

/// <summary>처리 단계 per the institution's procedure.</summary>
public enum IncidentStage
{
    /// <summary>탐지.</summary>
    Detected = 1,

    /// <summary>대응 중.</summary>
    Responding = 2,

    /// <summary>복구 완료 (service restored, remediation and compensation may remain).</summary>
    Recovered = 3,

    /// <summary>종결.</summary>
    Closed = 4,
}

/// <summary>영향도·심각도.</summary>
public enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

/// <summary>
/// 전자금융사고: every outage is recorded here, reportable or not (the seed found outages not recorded). The
/// reporting decision is made by the rules from these facts, never typed in.
/// </summary>
public sealed class ElectronicFinanceIncident : ITenantOwned
{
    private ElectronicFinanceIncident()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string Title { get; private set; } = "";

    public IncidentType Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset AwareAt { get; private set; }

    /// <summary>Service restored; the outage is <c>RestoredAt − OccurredAt</c>.</summary>
    public DateTimeOffset? RestoredAt { get; private set; }

    public long? ServiceSubscribers { get; private set; }

    public long? CustomerLossKrw { get; private set; }

    public List<MajorIncidentCriterion> CriteriaMet { get; private set; } = [];

    public Guid? AssetId { get; private set; }

    public IncidentStage Stage { get; private set; }

    public Severity Severity { get; private set; }

    /// <summary>조치 내용.</summary>
    public string? Actions { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>경과 (timeline).</summary>
    public List<TimelineEntry> Timeline { get; private set; } = [];

    public TimeSpan? Outage => RestoredAt is { } restored && Type == IncidentType.Outage ? restored - OccurredAt : null;

    public IncidentFacts Facts => new(Type, OccurredAt, AwareAt, Outage, ServiceSubscribers, CustomerLossKrw, CriteriaMet, ClosedAt);

    public static ElectronicFinanceIncident Register(IncidentInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var incident = new ElectronicFinanceIncident { Id = Guid.CreateVersion7(now), Stage = IncidentStage.Detected };
        incident.Update(input);
        incident.Timeline.Add(new TimelineEntry { At = input.AwareAt.ToUniversalTime(), Text = "사고 인지·등록" });
        return incident;
    }

    public void Update(IncidentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Title = input.Title.Trim();
        Type = input.Type;
        // Instants are stored in UTC (PostgreSQL's timestamptz accepts no other offset); pages show them in KST.
        OccurredAt = input.OccurredAt.ToUniversalTime();
        AwareAt = input.AwareAt.ToUniversalTime();
        RestoredAt = input.RestoredAt?.ToUniversalTime();
        ServiceSubscribers = input.ServiceSubscribers;
        CustomerLossKrw = input.CustomerLossKrw;
        CriteriaMet = [.. input.CriteriaMet.Distinct()];
        AssetId = input.AssetId;
        Severity = input.Severity;
        Actions = input.Actions;
    }

    public void Advance(IncidentStage stage, string note, DateTimeOffset at)
    {
        at = at.ToUniversalTime();
        Stage = stage;
        if (stage == IncidentStage.Closed)
        {
            ClosedAt = at;
        }

        Timeline.Add(new TimelineEntry { At = at, Text = note });
    }
}

public sealed class TimelineEntry
{
    public DateTimeOffset At { get; set; }

    public string Text { get; set; } = "";
}

public sealed record IncidentInput(
    string Title,
    IncidentType Type,
    DateTimeOffset OccurredAt,
    DateTimeOffset AwareAt,
    DateTimeOffset? RestoredAt,
    long? ServiceSubscribers,
    long? CustomerLossKrw,
    IReadOnlyList<MajorIncidentCriterion> CriteriaMet,
    Guid? AssetId,
    Severity Severity,
    string? Actions);

/// <summary>A report made to the FSS (EFARS) for one stage.</summary>
public sealed class IncidentReportSubmission : ITenantOwned
{
    private IncidentReportSubmission()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid IncidentId { get; private init; }

    public ReportStage Stage { get; private init; }

    public int Sequence { get; private init; }

    public DateTimeOffset SubmittedAt { get; private init; }

    /// <summary>EFARS 접수 번호.</summary>
    public string? Reference { get; private init; }

    public static IncidentReportSubmission Record(Guid incidentId, ReportStage stage, int sequence, string? reference, DateTimeOffset at) =>
        new() { Id = Guid.CreateVersion7(at), IncidentId = incidentId, Stage = stage, Sequence = sequence, Reference = reference, SubmittedAt = at.ToUniversalTime() };
}
