using FinCloud.Core.Tenancy;
using FinCloud.Rules.Continuity;

namespace FinCloud.Core.Features.Continuity;

public enum LinkedServiceKind
{
    Payment = 1,
    Authentication = 2,
    Messaging = 3,
    Cloud = 4,
    Network = 5,
    Other = 6,
}

public enum RiskRating
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>
/// 제3자 연계 서비스: an external service e-finance depends on, with its IT위험평가 (selection due diligence,
/// monitoring, exit strategy), 손해배상 clause, exit plan and alternative provider (업체 이중화).
/// </summary>
public sealed class LinkedThirdPartyService : ITenantOwned
{
    private LinkedThirdPartyService()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string Name { get; private set; } = "";

    public string Provider { get; private set; } = "";

    public LinkedServiceKind Kind { get; private set; }

    /// <summary>Recovery time the contract or SLA commits to, in minutes.</summary>
    public int? ContractedRecoveryMinutes { get; private set; }

    /// <summary>정보처리 업무위탁에 해당.</summary>
    public bool IsOutsourcing { get; private set; }

    public DateOnly? RiskEvaluatedOn { get; private set; }

    public RiskRating? Risk { get; private set; }

    /// <summary>선정 시 실사 (due diligence) done.</summary>
    public bool DueDiligenceDone { get; private set; }

    /// <summary>모니터링 방법.</summary>
    public string? Monitoring { get; private set; }

    /// <summary>손해배상 조항 (null: none in the contract).</summary>
    public string? DamagesClause { get; private set; }

    /// <summary>종료(출구) 전략.</summary>
    public string? ExitPlan { get; private set; }

    /// <summary>대체 업체 / 이중화.</summary>
    public string? AlternativeProvider { get; private set; }

    public DateOnly? ContractEnd { get; private set; }

    public static LinkedThirdPartyService Create(ThirdPartyInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var service = new LinkedThirdPartyService { Id = Guid.CreateVersion7(now) };
        service.Update(input);
        return service;
    }

    public void Update(ThirdPartyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Name = input.Name.Trim();
        Provider = input.Provider.Trim();
        Kind = input.Kind;
        ContractedRecoveryMinutes = input.ContractedRecoveryMinutes;
        IsOutsourcing = input.IsOutsourcing;
        RiskEvaluatedOn = input.RiskEvaluatedOn;
        Risk = input.Risk;
        DueDiligenceDone = input.DueDiligenceDone;
        Monitoring = input.Monitoring;
        DamagesClause = input.DamagesClause;
        ExitPlan = input.ExitPlan;
        AlternativeProvider = input.AlternativeProvider;
        ContractEnd = input.ContractEnd;
    }
}

public sealed record ThirdPartyInput(
    string Name,
    string Provider,
    LinkedServiceKind Kind,
    int? ContractedRecoveryMinutes,
    bool IsOutsourcing,
    DateOnly? RiskEvaluatedOn,
    RiskRating? Risk,
    bool DueDiligenceDone,
    string? Monitoring,
    string? DamagesClause,
    string? ExitPlan,
    string? AlternativeProvider,
    DateOnly? ContractEnd);

/// <summary>전자금융사고 책임이행보험 (or 공제) held.</summary>
public sealed class LiabilityPolicy : ITenantOwned
{
    private LiabilityPolicy()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string Insurer { get; private set; } = "";

    /// <summary>증권 번호.</summary>
    public string Reference { get; private set; } = "";

    public DateOnly CoverFrom { get; private set; }

    public DateOnly CoverTo { get; private set; }

    public long AggregateLimitKrw { get; private set; }

    public long PerIncidentLimitKrw { get; private set; }

    public List<CoveredTypeEntry> CoveredTypes { get; private set; } = [];

    /// <summary>The day the cover was last changed (an added registration must be followed by a raise).</summary>
    public DateOnly LastChangedOn { get; private set; }

    public LiabilityPolicyTerms Terms => new(Reference, CoverFrom, CoverTo, AggregateLimitKrw, PerIncidentLimitKrw,
        [.. CoveredTypes.Select(t => new CoveredIncidentType(t.Type, t.LimitKrw))], LastChangedOn);

    public static LiabilityPolicy Create(PolicyInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var policy = new LiabilityPolicy { Id = Guid.CreateVersion7(now) };
        policy.Update(input);
        return policy;
    }

    public void Update(PolicyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Insurer = input.Insurer.Trim();
        Reference = input.Reference.Trim();
        CoverFrom = input.CoverFrom;
        CoverTo = input.CoverTo;
        AggregateLimitKrw = input.AggregateLimitKrw;
        PerIncidentLimitKrw = input.PerIncidentLimitKrw;
        CoveredTypes = [.. input.CoveredTypes.Select(t => new CoveredTypeEntry { Type = t.Type, LimitKrw = t.LimitKrw })];
        LastChangedOn = input.LastChangedOn;
    }
}

public sealed class CoveredTypeEntry
{
    public InsuredIncidentType Type { get; set; }

    public long LimitKrw { get; set; }
}

public sealed record PolicyInput(
    string Insurer,
    string Reference,
    DateOnly CoverFrom,
    DateOnly CoverTo,
    long AggregateLimitKrw,
    long PerIncidentLimitKrw,
    IReadOnlyList<CoveredIncidentType> CoveredTypes,
    DateOnly LastChangedOn);
