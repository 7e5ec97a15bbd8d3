using System.Text.Json.Serialization;
using FinCloud.Rules.Json;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.NetworkSeparation;

/// <summary>The kinds of 망분리 예외 as versioned objects (ED-14, ED-16); both SaaS routes coexist from 2026-04-20.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SeparationExemptionKind>))]
public enum SeparationExemptionKind
{
    ResearchNetwork,
    SandboxSaas,
    StandingSaas,
}

/// <summary>How often the exception's controls are reviewed and reported to the committee.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ReviewCycle>))]
public enum ReviewCycle
{
    None,

    /// <summary>Once in each calendar half (1 Jan–30 Jun, 1 Jul–31 Dec), due by the half's last day (ED-14).</summary>
    HalfYear,
}

/// <summary>One exception route: legal basis, data limits, controls and review cycle.</summary>
public sealed record SeparationExemptionRule(
    string Id,
    SeparationExemptionKind Kind,
    DateOnly EffectiveFrom,
    Provision Provision,
    bool ExcludesUniqueIdentifiers,
    bool ExcludesPersonalCreditInfo,
    bool PseudonymizedDataAllowed,
    bool SandboxRequired,
    ReviewCycle ReviewEvery,
    IReadOnlyList<string> Controls) : IDatedVersion
{
    /// <summary>The due date of the half-yearly review covering <paramref name="day"/>: the last day of its calendar half.</summary>
    public static DateOnly HalfYearReviewDue(DateOnly day) => day.Month <= 6 ? new DateOnly(day.Year, 6, 30) : new DateOnly(day.Year, 12, 31);
}
