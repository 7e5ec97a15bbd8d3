using System.Text.Json;
using FinCloud.Core.Tenancy;

namespace FinCloud.Core.CloudUse;

/// <summary>
/// 절차 서식: the structured form of one procedure step of a case (업무 중요도 평가, 업무연속성 계획, 안전성 확보조치).
/// The content is a typed record stored as JSON; <see cref="Relaxed"/> marks the template for 비중요업무 (△).
/// </summary>
public sealed class WorkForm : ITenantOwned
{
    private WorkForm()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; private init; }

    public WorkFormKind Kind { get; private init; }

    public bool Relaxed { get; private set; }

    public string ContentJson { get; private set; } = "{}";

    public bool Completed { get; private set; }

    public Guid? CompletedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static WorkForm Start(Guid caseId, WorkFormKind kind, bool relaxed, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CaseId = caseId, Kind = kind, Relaxed = relaxed, UpdatedAt = now };

    public T Read<T>()
        where T : new() => JsonSerializer.Deserialize<T>(ContentJson, CloudUseCaseVersion.Json) ?? new T();

    public void Save<T>(T content, bool complete, Guid? by, DateTimeOffset now)
    {
        ContentJson = JsonSerializer.Serialize(content, CloudUseCaseVersion.Json);
        Completed = complete;
        CompletedBy = complete ? by : null;
        UpdatedAt = now;
    }
}

public enum WorkFormKind
{
    /// <summary>업무 중요도 평가.</summary>
    ImportanceAssessment = 1,

    /// <summary>업무연속성 계획 (출구전략 포함).</summary>
    BusinessContinuityPlan = 2,

    /// <summary>안전성 확보조치.</summary>
    SecurityMeasures = 3,
}

/// <summary>업무 중요도 평가서: the hard triggers, the five criteria each scored with a rationale, the verdict and who decided.</summary>
public sealed class ImportanceAssessmentContent
{
    public bool UniqueIdentifiers { get; set; }

    public bool PersonalCreditInfo { get; set; }

    public bool MaterialEfImpact { get; set; }

    public List<CriterionScore> Criteria { get; set; } = [.. ImportanceCriteria.All.Select(c => new CriterionScore { Key = c.Key })];

    public bool Material { get; set; }

    public string Decider { get; set; } = "";

    public string Rationale { get; set; } = "";
}

/// <summary>One criterion scored 1 (low) to 5 (high), with why.</summary>
public sealed class CriterionScore
{
    public string Key { get; set; } = "";

    public int Score { get; set; } = 1;

    public string Rationale { get; set; } = "";
}

/// <summary>제14조의2①1호 가~마 (2023 text, [R]/[3P]): the five importance criteria.</summary>
public static class ImportanceCriteria
{
    public sealed record Criterion(string Key, string Korean, string English);

    public static readonly IReadOnlyList<Criterion> All =
    [
        new("nature", "업무의 성격 (규모·복잡성)", "Nature of the work (scale, complexity)"),
        new("interruption", "서비스 중단 시 영향", "Impact of an interruption"),
        new("intrusion", "전자적 침해 시 고객 영향", "Customer impact of an intrusion"),
        new("concentration", "동일 CSP 집중·의존도", "Concentration on one CSP"),
        new("ef-safety", "전자금융거래 안전성·신뢰성 영향", "Impact on e-finance safety and reliability"),
    ];
}

/// <summary>업무연속성 계획: backup, recovery, drills and the exit strategy.</summary>
public sealed class ContinuityPlanContent
{
    public string Backup { get; set; } = "";

    public string DisasterRecovery { get; set; } = "";

    /// <summary>Only on the full template: 침해사고 대응훈련 계획.</summary>
    public string IncidentDrill { get; set; } = "";

    /// <summary>출구전략: 데이터 반환·파기.</summary>
    public string ExitDataReturn { get; set; } = "";

    /// <summary>출구전략: 계약 해지·중단.</summary>
    public string ExitTermination { get; set; } = "";

    /// <summary>출구전략: 대체 수단으로의 전환.</summary>
    public string ExitTransition { get; set; } = "";
}

/// <summary>안전성 확보조치: the institution's own controls in the cloud.</summary>
public sealed class SecurityMeasuresContent
{
    public string AccountManagement { get; set; } = "";

    public string AccessControl { get; set; } = "";

    /// <summary>Only on the full template.</summary>
    public string Encryption { get; set; } = "";

    /// <summary>Only on the full template.</summary>
    public string LoggingAndMonitoring { get; set; } = "";
}
