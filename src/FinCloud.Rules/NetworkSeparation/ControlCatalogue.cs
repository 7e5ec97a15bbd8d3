using System.Text.Json.Serialization;
using FinCloud.Rules.Json;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.NetworkSeparation;

/// <summary>The route an exemption takes; each route has its own legal basis and control catalogue (ED-14, ED-16).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SeparationExemptionKind>))]
public enum SeparationExemptionKind
{
    /// <summary>연구·개발망 (감독규정 제15조①3호 가목, from 2023).</summary>
    ResearchNetwork,

    /// <summary>혁신금융서비스 지정 (금융혁신지원 특별법): the SaaS sandbox route.</summary>
    SandboxDesignation,

    /// <summary>SaaS 상시 예외 (시행세칙 제2조의3, from 2026-04-20 [3P]).</summary>
    SaasStanding,

    /// <summary>업무상 불가피, FSS-confirmed (감독규정 제15조①3호 나목 [3P]).</summary>
    BusinessNecessity,

    Other,
}

/// <summary>One control of a catalogue: a 부가조건 of a designation or a 망분리 대체 정보보호통제.</summary>
/// <param name="ConditionCode">The designation condition it implements (COND-…), for sandbox catalogues.</param>
/// <param name="Area">The S3 security area, where the control is one of them.</param>
public sealed record ControlDefinition(
    string Id,
    string TitleKo,
    string Title,
    bool Mandatory,
    string Citation,
    Confidence Confidence,
    string? ConditionCode = null,
    SaasSecurityArea? Area = null,
    string? Note = null);

/// <summary>
/// A dated version of the controls one exemption route must meet. A change in the rules is a new file with a new
/// <see cref="EffectiveFrom"/>; exemptions keep the version they were approved under (ED-14).
/// </summary>
/// <param name="ExcludedData">Data the route may never process, whatever the institution's own scope says.</param>
/// <param name="RequiresFsiPass">The SaaS needs a passing ('적합') evaluation by an 침해사고대응기관.</param>
/// <param name="HalfYearlyReview">Where set, the provision requiring the half-yearly implementation review.</param>
public sealed record ControlCatalogue(
    string Id,
    SeparationExemptionKind Kind,
    DateOnly EffectiveFrom,
    string TitleKo,
    Confidence Confidence,
    IReadOnlyList<Provision> LegalBasis,
    IReadOnlyList<DataCategory> ExcludedData,
    bool RequiresFsiPass,
    Provision? HalfYearlyReview,
    IReadOnlyList<ControlDefinition> Controls)
{
    /// <summary>The day before the next version took effect; null for the newest.</summary>
    public DateOnly? EffectiveUntil { get; init; }

    /// <summary>The catalogue's version key, e.g. <c>saas-standing/2026-04-20</c>.</summary>
    public string Version => $"{Id}/{EffectiveFrom:yyyy-MM-dd}";

    public IEnumerable<ControlDefinition> MandatoryControls => Controls.Where(c => c.Mandatory);
}

/// <summary>The control catalogues bundled with the library, and the version in force on a day.</summary>
public static class ControlCatalogueLibrary
{
    private static readonly Lazy<IReadOnlyList<ControlCatalogue>> Loaded = new(Load);

    /// <summary>Every version of every route, oldest first within a route.</summary>
    public static IReadOnlyList<ControlCatalogue> All => Loaded.Value;

    public static IReadOnlyList<ControlCatalogue> Versions(SeparationExemptionKind kind) =>
        Loaded.Value.Where(c => c.Kind == kind).ToList();

    /// <summary>The version in force on <paramref name="asOf"/>, or null when the route did not exist yet or has no catalogue.</summary>
    public static ControlCatalogue? InForce(SeparationExemptionKind kind, DateOnly asOf) =>
        Loaded.Value.LastOrDefault(c => c.Kind == kind && c.EffectiveFrom <= asOf);

    /// <summary>A version by its key (<see cref="ControlCatalogue.Version"/>), as stored with an exemption.</summary>
    public static ControlCatalogue? ByVersion(string version) => Loaded.Value.FirstOrDefault(c => c.Version == version);

    private static List<ControlCatalogue> Load()
    {
        var all = NetworkSeparationData.ResourceNames("controls/")
            .Select(name => NetworkSeparationData.Load(name, NetworkSeparationJsonContext.Default.ControlCatalogue))
            .OrderBy(c => c.Kind)
            .ThenBy(c => c.EffectiveFrom)
            .ToList();
        for (var i = 0; i < all.Count - 1; i++)
        {
            if (all[i].Kind == all[i + 1].Kind)
            {
                all[i] = all[i] with { EffectiveUntil = all[i + 1].EffectiveFrom.AddDays(-1) };
            }
        }

        return all;
    }
}
