using System.Text.Json.Serialization;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.Json;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Catalogue;

/// <summary>평가항목 구분: the 2019 groups and the 2023 classes (ED-4).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ItemClass>))]
public enum ItemClass
{
    /// <summary>기본보호조치 (2019): from the CSAP criteria; waivable with a recognised certificate.</summary>
    BasicProtection,

    /// <summary>금융부문 추가보호조치 (2019): finance-specific; deleted in 2023.</summary>
    FinancialAdditional,

    /// <summary>필수항목 (2023~): always evaluated; the only items for 비중요업무.</summary>
    Mandatory,

    /// <summary>대체항목 (2023~): may be satisfied by an equivalent certificate [R].</summary>
    Alternative,
}

/// <summary>보안인증: the certification schemes the catalogue maps to items.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<CertificationScheme>))]
public enum CertificationScheme
{
    /// <summary>클라우드서비스 보안인증 (MSIT/KISA).</summary>
    [JsonStringEnumMemberName("csap")] Csap,

    /// <summary>정보보호 및 개인정보보호 관리체계 인증.</summary>
    [JsonStringEnumMemberName("isms-p")] IsmsP,

    [JsonStringEnumMemberName("iso27001")] Iso27001,

    [JsonStringEnumMemberName("iso27017")] Iso27017,

    [JsonStringEnumMemberName("iso27018")] Iso27018,

    [JsonStringEnumMemberName("csa-star")] CsaStar,

    /// <summary>Singapore Multi-Tier Cloud Security.</summary>
    [JsonStringEnumMemberName("mtcs")] Mtcs,
}

public static class CertificationSchemes
{
    /// <summary>The scheme's own name (the same in Korean and English), for the UI, deadlines and forms.</summary>
    public static string DisplayName(this CertificationScheme scheme) => scheme switch
    {
        CertificationScheme.Csap => "CSAP",
        CertificationScheme.IsmsP => "ISMS-P",
        CertificationScheme.Iso27001 => "ISO/IEC 27001",
        CertificationScheme.Iso27017 => "ISO/IEC 27017",
        CertificationScheme.Iso27018 => "ISO/IEC 27018",
        CertificationScheme.CsaStar => "CSA STAR",
        CertificationScheme.Mtcs => "MTCS",
        _ => throw new ArgumentOutOfRangeException(nameof(scheme)),
    };
}

/// <summary>평가항목: one item of 별표 2의2. Bundled items are illustrative, with provisional ids never reused (ED-4).</summary>
public sealed record CspEvaluationItem(
    string Id,
    string Domain,
    ItemClass Class,
    IReadOnlyList<ServiceModel> ServiceModels,
    IReadOnlyList<CertificationScheme> CoveredBy,
    string Text,
    bool Illustrative);

/// <summary>How sure the certificate-to-item mapping is.</summary>
public sealed record CertificateCoverage(Confidence Confidence, string Note);

/// <summary>평가항목 카탈로그: one versioned item set, for the regimes listed in <see cref="RegimeIds"/>.</summary>
public sealed record CspCatalogue(
    string Id,
    IReadOnlyList<string> RegimeIds,
    string Title,
    bool Illustrative,
    Provision Provision,
    CertificateCoverage CertificateCoverage,
    IReadOnlyList<CspEvaluationItem> Items)
{
    /// <summary>
    /// Items the institution must evaluate before any certificate or FSI reuse: everything in 2019; from 2023 all 54
    /// for 중요업무 and the 16 필수 items for 비중요업무 (ED-4).
    /// </summary>
    public IReadOnlyList<CspEvaluationItem> InScope(bool material) =>
        material || !Items.Any(i => i.Class == ItemClass.Mandatory)
            ? Items
            : [.. Items.Where(i => i.Class == ItemClass.Mandatory)];

    /// <summary>Item counts per class, e.g. to check an imported annex against the known structure.</summary>
    public IReadOnlyDictionary<ItemClass, int> CountByClass() =>
        Items.GroupBy(i => i.Class).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>
/// A CSP's certificate as the institution recorded it. It exempts items only while valid on the as-of day and
/// only when its scope covers the service used (ED-4).
/// </summary>
public sealed record Certificate(CertificationScheme Scheme, DateOnly ValidFrom, DateOnly ValidUntil, bool ScopeCoversService)
{
    public bool CountsOn(DateOnly day) => ScopeCoversService && ValidFrom <= day && day <= ValidUntil;
}
