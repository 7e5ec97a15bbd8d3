using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.CloudUse;

/// <summary>
/// 전자금융감독규정 제14조의2: one dated version of the cloud-use rules (ED-1). Everything a decision reads is
/// here as data, so a new version where only numbers change is a new file, not new code.
/// </summary>
public sealed record CloudUseRulebook(
    string Id,
    DateOnly EffectiveFrom,
    string Instrument,
    string Amendment,
    IReadOnlyList<Provision> Provisions,
    IReadOnlyList<MaterialityReason> HardTriggers,
    string CatalogueId,
    bool FsiResultReuse,
    CloudUseTier Material,
    CloudUseTier NonMaterial,
    IReadOnlyList<string> EncodingDecisions)
{
    /// <summary>The day before the next version takes effect; null for the version in force today.</summary>
    public DateOnly? EffectiveUntil { get; init; }

    public CloudUseTier Tier(bool material) => material ? Material : NonMaterial;

    public Provision Provision(string key) =>
        Provisions.FirstOrDefault(p => p.Key == key)
        ?? throw new InvalidOperationException($"Rulebook {Id} has no provision '{key}'.");
}

/// <summary>What the rules require of material (중요) or non-material (비중요) work.</summary>
public sealed record CloudUseTier(
    ProcedureRule Procedure,
    int ItemsInScope,
    ReportRule Report,
    IReadOnlyList<string> Citations,
    IReadOnlyList<string> ProvisionKeys);

/// <summary>Each step's requirement, and the provision behind it.</summary>
public sealed record ProcedureRule(
    StepRule ImportanceAssessment,
    StepRule BusinessContinuityPlan,
    StepRule SecurityMeasures,
    StepRule OutsourcingStandards,
    StepRule CspEvaluation,
    StepRule CommitteeResolution);

public sealed record StepRule(StepRequirement Requirement, string Provision);

/// <summary>The FSS report owed: its kind, the deadline rule with its amount, and the events that start a period.</summary>
public sealed record ReportRule(
    SupervisorReportKind Kind,
    DeadlineRule Deadline,
    int Amount,
    IReadOnlyList<CloudUseEventType> Triggers,
    string? Provision);
