using FinCloud.Core.Tenancy;
using FinCloud.Rules.Continuity;

namespace FinCloud.Core.Features.Continuity;

/// <summary>
/// 업무연속성 기준 정보: the facts the continuity rules read about the institution itself (제5조 and 제23조⑧
/// categories, size, registrations) and its BIA method (loss tolerance, weights, DR capacity target).
/// One per organisation.
/// </summary>
public sealed class ContinuityProfile : ITenantOwned
{
    private ContinuityProfile()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>제5조 category, e.g. <c>commercial-bank</c>, <c>card</c>, <c>electronic-finance</c>.</summary>
    public string InsuranceCategory { get; private set; } = "";

    /// <summary>제23조⑧ category, e.g. <c>bank</c>, <c>savings-bank</c>.</summary>
    public string DrCategory { get; private set; } = "";

    public long? TotalAssetsKrw { get; private set; }

    public long? AnnualTransactionsKrw { get; private set; }

    public bool? OwnItSystem { get; private set; }

    /// <summary>준비금 set aside beside the insurance.</summary>
    public long ReserveKrw { get; private set; }

    /// <summary>The potential loss the institution will not tolerate; the time to reach it orders recovery.</summary>
    public long LossToleranceKrw { get; private set; }

    public long CustomerKrwPerPoint { get; private set; }

    public long RegulatoryKrwPerPoint { get; private set; }

    public long ReputationKrwPerPoint { get; private set; }

    /// <summary>Target DR capacity as a share of production (1 = 100 %).</summary>
    public decimal DrCapacityTarget { get; private set; }

    /// <summary>추가 전자금융업 등록.</summary>
    public List<RegistrationEntry> Registrations { get; private set; } = [];

    public ImpactWeights Weights => new(CustomerKrwPerPoint, RegulatoryKrwPerPoint, ReputationKrwPerPoint);

    public InsuredInstitution Insured => new(InsuranceCategory, TotalAssetsKrw, [.. Registrations.Select(r => new ElectronicFinanceRegistration(r.Business, r.RegisteredOn))]);

    public DrInstitution DrInstitution => new(DrCategory, TotalAssetsKrw, AnnualTransactionsKrw, OwnItSystem);

    public static ContinuityProfile Create(ContinuityProfileInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var profile = new ContinuityProfile { Id = Guid.CreateVersion7(now) };
        profile.Update(input);
        return profile;
    }

    public void Update(ContinuityProfileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        InsuranceCategory = input.InsuranceCategory;
        DrCategory = input.DrCategory;
        TotalAssetsKrw = input.TotalAssetsKrw;
        AnnualTransactionsKrw = input.AnnualTransactionsKrw;
        OwnItSystem = input.OwnItSystem;
        ReserveKrw = input.ReserveKrw;
        LossToleranceKrw = input.LossToleranceKrw;
        CustomerKrwPerPoint = input.Weights.CustomerKrwPerPoint;
        RegulatoryKrwPerPoint = input.Weights.RegulatoryKrwPerPoint;
        ReputationKrwPerPoint = input.Weights.ReputationKrwPerPoint;
        DrCapacityTarget = input.DrCapacityTarget;
        Registrations = [.. input.Registrations.Select(r => new RegistrationEntry { Business = r.Business, RegisteredOn = r.RegisteredOn })];
    }
}

public sealed class RegistrationEntry
{
    public string Business { get; set; } = "";

    public DateOnly RegisteredOn { get; set; }
}

public sealed record ContinuityProfileInput(
    string InsuranceCategory,
    string DrCategory,
    long? TotalAssetsKrw,
    long? AnnualTransactionsKrw,
    bool? OwnItSystem,
    long ReserveKrw,
    long LossToleranceKrw,
    ImpactWeights Weights,
    decimal DrCapacityTarget,
    IReadOnlyList<ElectronicFinanceRegistration> Registrations);

/// <summary>단위업무: a unit of work the BIA assesses, with its impact over time and recovery targets.</summary>
public sealed class BusinessProcess : ITenantOwned
{
    private BusinessProcess()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>업무 코드, unique within the organisation.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>주관 부서.</summary>
    public string Department { get; private set; } = "";

    /// <summary>복구목표시간 in minutes, as set by the business.</summary>
    public int RtoMinutes { get; private set; }

    /// <summary>복구목표시점 in minutes of data loss.</summary>
    public int RpoMinutes { get; private set; }

    /// <summary>핵심업무 지정.</summary>
    public bool IsCore { get; private set; }

    /// <summary>지정 사유: why the work is (or is not) core.</summary>
    public string? CoreRationale { get; private set; }

    /// <summary>시간대별 영향 (cumulative).</summary>
    public List<ImpactEntry> Impacts { get; private set; } = [];

    public TimeSpan Rto => TimeSpan.FromMinutes(RtoMinutes);

    public IReadOnlyList<ImpactPoint> Curve =>
        [.. Impacts.OrderBy(i => i.AfterMinutes).Select(i => new ImpactPoint(TimeSpan.FromMinutes(i.AfterMinutes), i.FinancialLossKrw, i.Customer, i.Regulatory, i.Reputation))];

    public static BusinessProcess Create(BusinessProcessInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var process = new BusinessProcess { Id = Guid.CreateVersion7(now) };
        process.Update(input);
        return process;
    }

    public void Update(BusinessProcessInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Code = input.Code.Trim();
        Name = input.Name.Trim();
        Department = input.Department.Trim();
        RtoMinutes = input.RtoMinutes;
        RpoMinutes = input.RpoMinutes;
        IsCore = input.IsCore;
        CoreRationale = input.CoreRationale;
        Impacts = [.. input.Impacts.OrderBy(i => i.After).Select(i => new ImpactEntry
        {
            AfterMinutes = (int)i.After.TotalMinutes,
            FinancialLossKrw = i.FinancialLossKrw,
            Customer = i.Customer,
            Regulatory = i.Regulatory,
            Reputation = i.Reputation,
        })];
    }
}

public sealed class ImpactEntry
{
    public int AfterMinutes { get; set; }

    public long FinancialLossKrw { get; set; }

    public int Customer { get; set; }

    public int Regulatory { get; set; }

    public int Reputation { get; set; }
}

public sealed record BusinessProcessInput(
    string Code,
    string Name,
    string Department,
    int RtoMinutes,
    int RpoMinutes,
    bool IsCore,
    string? CoreRationale,
    IReadOnlyList<ImpactPoint> Impacts);

/// <summary>What an <see cref="ItAsset"/> is.</summary>
public enum ItAssetKind
{
    /// <summary>IT 서비스·시스템.</summary>
    System = 1,

    /// <summary>인프라 (network, storage, DBMS cluster).</summary>
    Infrastructure = 2,

    /// <summary>클라우드 서비스 제공자.</summary>
    CloudProvider = 3,
}

/// <summary>
/// An IT system, a piece of shared infrastructure or a CSP the BIA maps, with its DR arrangement: mode, capacity
/// at the DR site as a share of production, dedicated lines to external institutions there and their carriers.
/// </summary>
public sealed class ItAsset : ITenantOwned
{
    private ItAsset()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public ItAssetKind Kind { get; private set; }

    /// <summary>The recovery time the system is built for (DR design), in minutes; null when unknown.</summary>
    public int? DesignedRecoveryMinutes { get; private set; }

    public DrMode DrMode { get; private set; }

    public Guid? DrSiteId { get; private set; }

    /// <summary>DR capacity as a share of production (1 = 100 %).</summary>
    public decimal? DrCapacityShare { get; private set; }

    /// <summary>The system exchanges data with external institutions (KFTC, KRX …) over dedicated lines.</summary>
    public bool NeedsExternalLines { get; private set; }

    public int DedicatedLinesAtDr { get; private set; }

    public int CarriersAtDr { get; private set; }

    public static ItAsset Create(ItAssetInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var asset = new ItAsset { Id = Guid.CreateVersion7(now) };
        asset.Update(input);
        return asset;
    }

    public void Update(ItAssetInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Code = input.Code.Trim();
        Name = input.Name.Trim();
        Kind = input.Kind;
        DesignedRecoveryMinutes = input.DesignedRecoveryMinutes;
        DrMode = input.DrMode;
        DrSiteId = input.DrSiteId;
        DrCapacityShare = input.DrCapacityShare;
        NeedsExternalLines = input.NeedsExternalLines;
        DedicatedLinesAtDr = input.DedicatedLinesAtDr;
        CarriersAtDr = input.CarriersAtDr;
    }
}

public sealed record ItAssetInput(
    string Code,
    string Name,
    ItAssetKind Kind,
    int? DesignedRecoveryMinutes,
    DrMode DrMode,
    Guid? DrSiteId,
    decimal? DrCapacityShare,
    bool NeedsExternalLines,
    int DedicatedLinesAtDr,
    int CarriersAtDr);

/// <summary>Which register a dependency end points into.</summary>
public enum DependencyNodeKind
{
    Process = 1,
    Asset = 2,
    ThirdParty = 3,
}

/// <summary>One edge of the BIA graph: the dependant cannot run without the dependency.</summary>
public sealed class ContinuityDependency : ITenantOwned
{
    private ContinuityDependency()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public DependencyNodeKind DependantKind { get; private init; }

    public Guid DependantId { get; private init; }

    public DependencyNodeKind DependencyKind { get; private init; }

    public Guid DependencyId { get; private init; }

    public static ContinuityDependency Create(DependencyNodeKind dependantKind, Guid dependantId, DependencyNodeKind dependencyKind, Guid dependencyId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), DependantKind = dependantKind, DependantId = dependantId, DependencyKind = dependencyKind, DependencyId = dependencyId };
}

public enum DrSiteRole
{
    /// <summary>주전산센터.</summary>
    Primary = 1,

    /// <summary>재해복구센터.</summary>
    DisasterRecovery = 2,

    /// <summary>백업 전용 센터.</summary>
    BackupOnly = 3,
}

/// <summary>전산센터: the primary centre, the DR centre and any backup-only site.</summary>
public sealed class DrSite : ITenantOwned
{
    private DrSite()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string Name { get; private set; } = "";

    public DrSiteRole Role { get; private set; }

    /// <summary>소재지 (region), to show the sites are not exposed to the same disaster.</summary>
    public string Region { get; private set; } = "";

    /// <summary>통신사: carriers of the site's external lines, comma-separated.</summary>
    public string Carriers { get; private set; } = "";

    public static DrSite Create(string name, DrSiteRole role, string region, string carriers, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Name = name.Trim(), Role = role, Region = region.Trim(), Carriers = carriers.Trim() };

    public void Update(string name, DrSiteRole role, string region, string carriers)
    {
        Name = name.Trim();
        Role = role;
        Region = region.Trim();
        Carriers = carriers.Trim();
    }
}
