using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FinCloud.Rules.Calendar;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.Continuity;
using FinCloud.Rules.Governance;
using FinCloud.Rules.Json;

namespace FinCloud.Rules.Rulebooks;

/// <summary>
/// The rulebook versions bundled with the library (embedded <c>Rulebooks/**/*.json</c>), and the one in force on a
/// day. A new version is a new data file; the code only picks it (ED-1).
/// </summary>
public static class RulebookLibrary
{
    private const string Prefix = "Rulebooks/";

    private static readonly Lazy<IReadOnlyList<CloudUseRulebook>> CloudUseVersions = new(LoadCloudUse);

    private static readonly Lazy<DatedVersions<BoardReportingRule>> BoardReportingVersions = new(() => Related("board-reporting", RulesJsonContext.Default.VersionFileBoardReportingRule));
    private static readonly Lazy<DatedVersions<InsuranceMinimumVersion>> InsuranceVersions = new(() => Related("insurance-minimums", RulesJsonContext.Default.VersionFileInsuranceMinimumVersion));
    private static readonly Lazy<DatedVersions<DisasterRecoveryVersion>> DisasterRecoveryVersions = new(() => Related("disaster-recovery", RulesJsonContext.Default.VersionFileDisasterRecoveryVersion));
    private static readonly Lazy<DatedVersions<IncidentReportingVersion>> IncidentVersions = new(() => Related("incident-reporting", RulesJsonContext.Default.VersionFileIncidentReportingVersion));

    /// <summary>CISO → 이사회 reporting (제8조의2, from 2025-08-05).</summary>
    public static DatedVersions<BoardReportingRule> BoardReporting => BoardReportingVersions.Value;

    /// <summary>책임이행보험 minimums (제5조; ED-18), with the 2026-02-05 increase.</summary>
    public static DatedVersions<InsuranceMinimumVersion> InsuranceMinimums => InsuranceVersions.Value;

    /// <summary>DR-centre duty, RTO and drills (제23조·제24조; ED-19), with the 2026-02-05 expansion.</summary>
    public static DatedVersions<DisasterRecoveryVersion> DisasterRecovery => DisasterRecoveryVersions.Value;

    /// <summary>Incident-report thresholds and clocks (ED-17), with the 2025-02-05 thresholds.</summary>
    public static DatedVersions<IncidentReportingVersion> IncidentReporting => IncidentVersions.Value;

    /// <summary>Every cloud-use version, oldest first, each with its validity interval.</summary>
    public static IReadOnlyList<CloudUseRulebook> CloudUse => CloudUseVersions.Value;

    /// <summary>The cloud-use rulebook in force on <paramref name="asOf"/>; days before 2019-01-01 are out of scope (ED-1).</summary>
    public static CloudUseRulebook CloudUseInForce(DateOnly asOf)
    {
        var versions = CloudUseVersions.Value;
        for (var i = versions.Count - 1; i >= 0; i--)
        {
            if (versions[i].EffectiveFrom <= asOf)
            {
                return versions[i];
            }
        }

        throw new RegimeOutOfScopeException(asOf, versions[0].EffectiveFrom);
    }

    internal static HolidayRuleSet LoadHolidayRules() => Load("calendar/kr-holidays.json", RulesJsonContext.Default.HolidayRuleSet);

    private static List<CloudUseRulebook> LoadCloudUse()
    {
        var versions = ResourceNames("cloud-use/")
            .Select(name => Load(name, RulesJsonContext.Default.CloudUseRulebook))
            .OrderBy(v => v.EffectiveFrom)
            .ToList();
        for (var i = 0; i < versions.Count - 1; i++)
        {
            versions[i] = versions[i] with { EffectiveUntil = versions[i + 1].EffectiveFrom.AddDays(-1) };
        }

        return versions;
    }

    private static DatedVersions<T> Related<T>(string name, JsonTypeInfo<VersionFile<T>> type)
        where T : IDatedVersion =>
        new(Load($"related/{name}.json", type).Versions);

    internal static IEnumerable<string> ResourceNames(string folder) =>
        typeof(RulebookLibrary).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + folder, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal);

    internal static T Load<T>(string name, JsonTypeInfo<T> type)
    {
        using var stream = typeof(RulebookLibrary).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"Rulebook resource '{name}' is missing.");
        return JsonSerializer.Deserialize(stream, type)
            ?? throw new InvalidOperationException($"Rulebook resource '{name}' is empty.");
    }
}

/// <summary>The as-of date precedes every encoded version (ED-1: the 2016 text is not encoded).</summary>
public sealed class RegimeOutOfScopeException(DateOnly asOf, DateOnly firstVersion)
    : Exception($"No cloud-use rulebook is encoded for {asOf:yyyy-MM-dd}; the first version takes effect on {firstVersion:yyyy-MM-dd}.")
{
    public DateOnly AsOf { get; } = asOf;
}
