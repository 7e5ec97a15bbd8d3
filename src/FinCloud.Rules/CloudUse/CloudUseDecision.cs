using System.Text.Json.Serialization;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.CloudUse;

/// <summary>
/// What the regulation in force on the scenario's as-of date requires of one cloud use (CLI contract §1, "decision").
/// The serialized form carries exactly the contract's fields; <see cref="Basis"/> says what the decision rests on.
/// </summary>
public sealed record CloudUseDecision(
    RegimeReference Regime,
    MaterialityVerdict Materiality,
    CloudUseProcedure Procedure,
    CspEvaluationScope CspEvaluation,
    SupervisorReport SupervisorReport,
    IReadOnlyList<ReportDeadline> Deadlines,
    IReadOnlyList<string> Citations)
{
    /// <summary>The rulebook version, provisions, confidence tags and calendar version behind the decision.</summary>
    [JsonIgnore]
    public DecisionBasis Basis { get; init; } = null!;
}

public sealed record RegimeReference(string Id);

public sealed record MaterialityVerdict(bool Material, IReadOnlyList<MaterialityReason> Reasons);

/// <summary>클라우드 이용절차: the requirement of each step (ED-3).</summary>
public sealed record CloudUseProcedure(
    StepRequirement ImportanceAssessment,
    StepRequirement BusinessContinuityPlan,
    StepRequirement SecurityMeasures,
    StepRequirement OutsourcingStandards,
    StepRequirement CspEvaluation,
    StepRequirement CommitteeResolution);

public sealed record CspEvaluationScope(int ItemsInScope, bool FsiResultReusable);

public sealed record SupervisorReport(SupervisorReportKind Kind, DateOnly? DueBy);

/// <summary>One report obligation and its last on-time day.</summary>
public sealed record ReportDeadline(CloudUseEventType Trigger, DateOnly? DueBy);

/// <summary>
/// 근거: the rulebook version applied, the provisions with their confidence, the encoding decisions relied on,
/// and the calendar version of every computed date (ED-11). <see cref="Unverified"/> is true when any of it rests
/// only on [3P], [R] or [NOT FOUND].
/// </summary>
public sealed record DecisionBasis(
    string RegimeId,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveUntil,
    string Instrument,
    IReadOnlyList<Provision> Provisions,
    IReadOnlyList<string> EncodingDecisions,
    string CalendarVersion)
{
    public bool Unverified => Provisions.Any(p => p.Confidence.IsUnverified());
}
