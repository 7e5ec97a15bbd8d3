using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinCloud.Rules.Json;

/// <summary>Enums travel as kebab-case strings (<c>PostReport</c> ↔ <c>post-report</c>); integers are refused.</summary>
public sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
