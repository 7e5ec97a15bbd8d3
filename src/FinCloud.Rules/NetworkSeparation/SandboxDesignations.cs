using System.Text.Json.Serialization;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.Json;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.NetworkSeparation;

/// <summary>지정 / 지정내용 변경: a new designation or a change to an existing one.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DesignationType>))]
public enum DesignationType
{
    New,
    Change,
}

/// <summary>보안대책 4개 영역: the areas of the security plan S3 mandates (the list ends with "등", so it is open).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SaasSecurityArea>))]
public enum SaasSecurityArea
{
    /// <summary>➊ 내부 단말기.</summary>
    InternalTerminal,

    /// <summary>➋ 내부망↔SaaS 연계.</summary>
    InternalNetworkLink,

    /// <summary>➌ SaaS 관리.</summary>
    SaasManagement,

    /// <summary>➍ SaaS 운영정책.</summary>
    SaasOperationPolicy,
}

/// <summary>A step in a designation's life. Designation, extension and change each open a new version (변경지정).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<DesignationEventKind>))]
public enum DesignationEventKind
{
    Designated,
    Extended,

    /// <summary>규제개선 요청 수용 (금융혁신지원 특별법, from 2021-07-21): the designation continues while the law is revised.</summary>
    RegulatoryImprovementRequestAccepted,

    Changed,
}

/// <summary>Whether the source states the designation period. S3 states none (ED-15): the product invents no expiry.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<PeriodStatus>))]
public enum PeriodStatus
{
    NotStated,
    Stated,
}

/// <summary>The FSC release a batch of designations comes from.</summary>
public sealed record DesignationRelease(
    string Source,
    string TitleKo,
    DateOnly MeetingOn,
    DateOnly PublishedOn,
    int NewCount,
    int ChangeCount,
    int TotalDesignationsToDate,
    IReadOnlyList<ResponsibleDepartment> Departments);

/// <summary>A department S3 lists; officials and phone numbers are left out on purpose.</summary>
public sealed record ResponsibleDepartment(string Body, string Department, string Role);

/// <summary>부가조건: a condition code shared by the templates (product-assigned, §2 of the seed notes).</summary>
public sealed record DesignationCondition(string Code, string TitleKo, string Title, Confidence Confidence);

public sealed record SaasVendor(string Name, string Country);

/// <summary>Terms shared by a group of new designations of one release (S3 items □1–□12 and □13–□14).</summary>
public sealed record DesignationTemplate(
    string Id,
    string TitleKo,
    string SaasProduct,
    string SaasDescription,
    SaasVendor SaasVendor,
    string? HostingCsp,
    string? HostingRegion,
    IReadOnlyList<string> SpecialProvisions,
    string DataExclusionWordingKo,
    IReadOnlyList<DataCategory> DataExclusions,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<SaasSecurityArea> SecurityAreas,
    bool SecurityAreasOpenEnded,
    string Purpose,
    string ExpectedEffect);

/// <summary>A value S3 does not state but the product infers from the firm's name; <c>Reconstructed</c> is the [R] mark.</summary>
public sealed record Inferred<T>(T Value, bool Reconstructed);

/// <summary>지정기간: from and to when stated; otherwise "not stated", and the notice supplies it (ED-15).</summary>
public sealed record DesignationPeriod(DateOnly? From, DateOnly? To, PeriodStatus Status)
{
    public static DesignationPeriod NotStated { get; } = new(null, null, PeriodStatus.NotStated);
}

public sealed record DesignationEvent(DesignationEventKind Kind, PartialDate On, string? Note = null);

/// <summary>One version of a designation's content: the original designation, or what an extension or change made it.</summary>
public sealed record DesignationVersion(int Number, DesignationEventKind Kind, PartialDate EffectiveOn, string? Note);

/// <summary>
/// 혁신금융서비스 지정 for one firm as the release states it. New designations take their terms from a template;
/// changes carry their service, special provisions and history themselves.
/// </summary>
public sealed record Designation(
    string Id,
    string? Seq,
    string Firm,
    Inferred<string>? FirmType,
    Inferred<Sector>? Sector,
    DesignationType Type,
    string? TemplateId,
    string? Service,
    string? ServiceTitleInSummary,
    DateOnly ResolvedOn,
    DesignationPeriod Period,
    IReadOnlyList<string> SpecialProvisions,
    IReadOnlyList<DesignationEvent> History,
    string? Change,
    bool ChangeDetailsStated,
    IReadOnlyList<string> Notes,
    string Source)
{
    /// <summary>The versions (변경지정), oldest first: every designation, extension and change opens one.</summary>
    public IReadOnlyList<DesignationVersion> Versions() =>
        History
            .Where(e => e.Kind is DesignationEventKind.Designated or DesignationEventKind.Extended or DesignationEventKind.Changed)
            .OrderBy(e => e.On)
            .Select((e, i) => new DesignationVersion(i + 1, e.Kind, e.On, e.Note))
            .ToList();

    /// <summary>
    /// ED-15: with no stated end, reminders ask to confirm a new designation's period two years after its resolution
    /// (the statutory maximum before extension). An assumption, never an expiry. For a change the earlier period ran
    /// through extensions and a 규제개선 요청, so no hint is derived: the notice must supply it.
    /// </summary>
    public DateOnly? ConfirmPeriodBy() =>
        Period.Status == PeriodStatus.NotStated && Type == DesignationType.New ? ResolvedOn.AddYears(2) : null;
}

/// <summary>The reference data of one FSC release: the list every tenant shares.</summary>
public sealed record SandboxDesignationRelease(
    DesignationRelease Release,
    IReadOnlyList<DesignationCondition> Conditions,
    IReadOnlyList<DesignationTemplate> Templates,
    IReadOnlyList<Designation> Designations,
    IReadOnlyList<string> NotStated)
{
    public DesignationTemplate? TemplateOf(Designation designation) =>
        designation.TemplateId is null ? null : Templates.Single(t => t.Id == designation.TemplateId);

    /// <summary>The data a designation may not process: its template's exclusions, exactly as the release states them.</summary>
    public IReadOnlyList<DataCategory> DataExclusionsOf(Designation designation) => TemplateOf(designation)?.DataExclusions ?? [];
}

/// <summary>The sandbox designations bundled with the library, one embedded file per FSC release.</summary>
public static class SandboxDesignationLibrary
{
    private static readonly Lazy<IReadOnlyList<SandboxDesignationRelease>> Loaded = new(Load);

    public static IReadOnlyList<SandboxDesignationRelease> Releases => Loaded.Value;

    /// <summary>Every designation of every release, in release order.</summary>
    public static IEnumerable<Designation> All => Releases.SelectMany(r => r.Designations);

    private static List<SandboxDesignationRelease> Load() =>
        NetworkSeparationData.ResourceNames("designations/")
            .Select(name => NetworkSeparationData.Load(name, NetworkSeparationJsonContext.Default.SandboxDesignationRelease))
            .OrderBy(r => r.Release.MeetingOn)
            .ToList();
}
