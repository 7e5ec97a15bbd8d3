namespace FinCloud.Rules.CloudUse;

/// <summary>What a compliance officer knows about one planned cloud use (CLI contract §1, "scenario").</summary>
public sealed record CloudUseScenario(
    DateOnly AsOf,
    Institution Institution,
    Workload Workload,
    CspInfo Csp,
    CloudContract Contract,
    IReadOnlyList<CloudUseEvent> Events);

public sealed record Institution(Sector Sector);

/// <summary>클라우드 이용 대상 업무.</summary>
public sealed record Workload(
    string Name,
    ServiceModel ServiceModel,
    bool ProcessesUniqueIdentifiers,
    bool ProcessesPersonalCreditInfo,
    bool MaterialImpactOnElectronicFinance,
    bool? SelfAssessedMaterial = null);

/// <summary>The CSP and the FSI evaluation result that may be reused.</summary>
public sealed record CspInfo(string Name, FsiEvaluation? FsiEvaluation);

public sealed record FsiEvaluation(FsiEvaluationResult Result, DateOnly Date);

/// <summary>클라우드 이용계약: the day it is signed and the first day of use, when known.</summary>
public sealed record CloudContract(DateOnly? SignedOn, DateOnly? UsageStartOn);

/// <summary>A later event that may start a report period.</summary>
public sealed record CloudUseEvent(CloudUseEventType Type, DateOnly On);
