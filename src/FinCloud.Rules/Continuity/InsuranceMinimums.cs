using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Continuity;

/// <summary>책임이행보험 minimum limits (전자금융감독규정 제5조) as a versioned lookup: category × size × effective-from (ED-18).</summary>
public sealed record InsuranceMinimumVersion(string Id, DateOnly EffectiveFrom, Provision Provision, IReadOnlyList<InsuranceMinimum> Minimums) : IDatedVersion
{
    /// <summary>
    /// The minimum for a category and, where the amount depends on it, the total assets. Entries with a size
    /// condition come before the general entry of the same category, so the first match wins.
    /// </summary>
    public InsuranceMinimum? For(string category, long? totalAssetsKrw = null) =>
        Minimums.FirstOrDefault(m => m.Category == category
            && (m.MinTotalAssetsKrw is null || (totalAssetsKrw is { } assets && assets >= m.MinTotalAssetsKrw)));
}

/// <summary>
/// One minimum. <see cref="Conservative"/> marks the higher of conflicting sources (ED-18); <see cref="SourceUrl"/> names
/// where the amount itself comes from when that is not the version's provision (e.g. a value carried over from an older text).
/// <see cref="Alternative"/> is the lower reading the conservative one set aside, kept so the check can show what it would say.
/// </summary>
public sealed record InsuranceMinimum(string Category, long AmountKrw, Confidence Confidence, string? Note = null, long? MinTotalAssetsKrw = null, bool Conservative = false,
    string? SourceUrl = null, AlternativeReading? Alternative = null)
{
    /// <summary>A reserve may make up the difference: the policy limit must reach the minimum less the reserve.</summary>
    public bool IsCovered(long policyLimitKrw, long reserveKrw = 0) => policyLimitKrw >= AmountKrw - reserveKrw;
}

/// <summary>
/// The other reading of a conflict (ED-18), e.g. a card company read as a 여신전문금융회사 (1억, 2억 from 2026-02-05)
/// rather than at the 10억 of the 2009 press. Never applied; shown beside the applied reading.
/// </summary>
public sealed record AlternativeReading(long AmountKrw, string Basis, Confidence Confidence, string? SourceUrl = null);
