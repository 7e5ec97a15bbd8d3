using System.Text.Json.Serialization;
using FinCloud.Rules.Calendar;
using FinCloud.Rules.CloudUse;

namespace FinCloud.Rules.Json;

/// <summary>Source-generated JSON for the bundled rule data: no reflection at start-up.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(HolidayRuleSet))]
[JsonSerializable(typeof(CloudUseRulebook))]
internal sealed partial class RulesJsonContext : JsonSerializerContext;
