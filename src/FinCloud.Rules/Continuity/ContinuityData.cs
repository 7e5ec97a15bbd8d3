using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FinCloud.Rules.Json;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Continuity;

/// <summary>The continuity module's own rule data under <c>Continuity/Data/</c>, beside the shared related rulebooks.</summary>
public static class ContinuityRulebooks
{
    private const string Prefix = "Continuity/Data/";

    private static readonly Lazy<DatedVersions<RecoveryCeilingVersion>> CeilingVersions = new(() => new(Load("recovery-ceilings.json", ContinuityJsonContext.Default.ContinuityVersionFileRecoveryCeilingVersion).Versions));
    private static readonly Lazy<DatedVersions<CustomerLossReportingVersion>> CustomerLossVersions = new(() => new(Load("incident-customer-loss.json", ContinuityJsonContext.Default.ContinuityVersionFileCustomerLossReportingVersion).Versions));
    private static readonly Lazy<DatedVersions<InsuredIncidentTypesVersion>> InsuredTypeVersions = new(() => new(Load("insured-incident-types.json", ContinuityJsonContext.Default.ContinuityVersionFileInsuredIncidentTypesVersion).Versions));

    /// <summary>Regulatory RTO ceilings for 핵심업무 (3 h; insurers 24 h, a historic guideline).</summary>
    public static DatedVersions<RecoveryCeilingVersion> RecoveryCeilings => CeilingVersions.Value;

    /// <summary>Small customer-loss incidents: monthly batch or not reportable (2016 simplification).</summary>
    public static DatedVersions<CustomerLossReportingVersion> CustomerLossReporting => CustomerLossVersions.Value;

    /// <summary>Incident types a liability policy must cover, and how added e-finance registrations raise the minimum.</summary>
    public static DatedVersions<InsuredIncidentTypesVersion> InsuredIncidentTypes => InsuredTypeVersions.Value;

    private static T Load<T>(string name, JsonTypeInfo<T> type)
    {
        using var stream = typeof(ContinuityRulebooks).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"Continuity data '{name}' is missing.");
        return JsonSerializer.Deserialize(stream, type)
            ?? throw new InvalidOperationException($"Continuity data '{name}' is empty.");
    }
}

/// <summary>RTO ceilings for 핵심업무 by institution category ("*" for every other category).</summary>
public sealed record RecoveryCeilingVersion(string Id, DateOnly EffectiveFrom, Provision Provision, IReadOnlyList<RecoveryCeiling> Ceilings) : IDatedVersion
{
    /// <summary>The ceiling for a category: its own entry, else the general one.</summary>
    public RecoveryCeiling For(string category) =>
        Ceilings.FirstOrDefault(c => c.Category == category) ?? Ceilings.First(c => c.Category == "*");
}

/// <summary>
/// One ceiling. <see cref="HistoricGuideline"/> marks a figure that comes from an old supervisory guideline and was
/// not found in the current text: every screen that shows it says so.
/// </summary>
public sealed record RecoveryCeiling(string Category, int Hours, Confidence Confidence, bool HistoricGuideline, string? Note = null)
{
    public TimeSpan Rto => TimeSpan.FromHours(Hours);

    public string Label => $"{Hours}시간 {Confidence.Tag()}{(HistoricGuideline ? " (과거 지침 기준)" : "")}";
}

public sealed record CustomerLossReportingVersion(
    string Id,
    DateOnly EffectiveFrom,
    Provision Provision,
    long NotReportableUpToKrw,
    long MonthlyBatchUpToKrw,
    bool SecurityIncidentsReportable,
    Confidence SecurityConfidence) : IDatedVersion;

public sealed record InsuredIncidentTypesVersion(
    string Id,
    DateOnly EffectiveFrom,
    Provision Provision,
    IReadOnlyList<InsuredIncidentType> RequiredTypes,
    bool RegistrationAddsElectronicFinanceMinimum,
    Confidence RegistrationConfidence) : IDatedVersion;

/// <summary>책임 사유 a policy covers (전자금융거래법 제9조①).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<InsuredIncidentType>))]
public enum InsuredIncidentType
{
    /// <summary>1호: 접근매체의 위조나 변조로 발생한 사고.</summary>
    ForgedAccessMedia = 1,

    /// <summary>2호: 계약체결 또는 거래지시의 전자적 전송이나 처리과정에서 발생한 사고.</summary>
    TransmissionOrProcessing = 2,

    /// <summary>3호: 전자적 장치·정보통신망 침입으로 부정하게 획득한 접근매체의 이용으로 발생한 사고.</summary>
    FraudulentlyObtainedAccessMedia = 3,
}

public sealed record ContinuityVersionFile<T>(IReadOnlyList<T> Versions);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ContinuityVersionFile<RecoveryCeilingVersion>))]
[JsonSerializable(typeof(ContinuityVersionFile<CustomerLossReportingVersion>))]
[JsonSerializable(typeof(ContinuityVersionFile<InsuredIncidentTypesVersion>))]
internal sealed partial class ContinuityJsonContext : JsonSerializerContext;
