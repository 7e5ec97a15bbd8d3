using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Continuity;

/// <summary>재해복구센터 duty, RTO and drills (제23조⑧, 제24조; ED-19) for one version.</summary>
public sealed record DisasterRecoveryVersion(
    string Id,
    DateOnly EffectiveFrom,
    Provision Provision,
    IReadOnlyList<DisasterRecoveryObligation> Obligated,
    int RecoveryTimeObjectiveHours,
    int InsurerRecoveryTimeObjectiveHours,
    Confidence RtoConfidence,
    int DrillsPerCalendarYear,
    Provision DrillProvision) : IDatedVersion
{
    /// <summary>Whether an institution of the category must run a DR centre, given what is known of its size.</summary>
    public bool Requires(string category, long? totalAssetsKrw = null, long? annualTransactionsKrw = null, bool? ownItSystem = null) =>
        Obligated.Any(o => o.Category == category
            && (o.MinTotalAssetsKrw is null || totalAssetsKrw >= o.MinTotalAssetsKrw)
            && (o.MinAnnualTransactionsKrw is null || annualTransactionsKrw >= o.MinAnnualTransactionsKrw)
            && (o.RequiresOwnItSystem != true || ownItSystem == true));

    /// <summary>Default 핵심업무 RTO (3 h; 24 h for insurers) [R]; an institution may set a stricter one.</summary>
    public TimeSpan RecoveryTimeObjective(string category) =>
        TimeSpan.FromHours(category == "insurance" ? InsurerRecoveryTimeObjectiveHours : RecoveryTimeObjectiveHours);
}

public sealed record DisasterRecoveryObligation(
    string Category,
    Confidence Confidence,
    long? MinTotalAssetsKrw = null,
    long? MinAnnualTransactionsKrw = null,
    bool? RequiresOwnItSystem = null,
    string? Note = null);
