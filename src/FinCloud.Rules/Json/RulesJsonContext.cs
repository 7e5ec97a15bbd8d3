using System.Text.Json.Serialization;
using FinCloud.Rules.Calendar;
using FinCloud.Rules.Catalogue;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.Continuity;
using FinCloud.Rules.Governance;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Json;

/// <summary>Source-generated JSON for the bundled rule data: no reflection at start-up.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(HolidayRuleSet))]
[JsonSerializable(typeof(CloudUseRulebook))]
[JsonSerializable(typeof(CspCatalogue))]
[JsonSerializable(typeof(VersionFile<BoardReportingRule>))]
[JsonSerializable(typeof(VersionFile<InsuranceMinimumVersion>))]
[JsonSerializable(typeof(VersionFile<DisasterRecoveryVersion>))]
[JsonSerializable(typeof(VersionFile<IncidentReportingVersion>))]
[JsonSerializable(typeof(EncodingDecisionFile))]
internal sealed partial class RulesJsonContext : JsonSerializerContext;
