using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinCloud.Rules.Json;

/// <summary>
/// Enums travel as kebab-case strings (<c>PostReport</c> ↔ <c>post-report</c>) or the name a member's
/// <see cref="JsonStringEnumMemberNameAttribute"/> gives; integers are refused.
/// </summary>
/// <remarks>
/// Written out rather than derived from <see cref="JsonStringEnumConverter{TEnum}"/>: that converter builds its name
/// tables through reflection and a dozen generic helpers per enum, none of which ahead-of-time compilation can see,
/// so every `fincloud rules evaluate` paid for compiling them again (about a fifth of its cold start).
/// </remarks>
public sealed class KebabCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();

    private static readonly string[] MemberNames = Enum.GetNames<TEnum>();

    /// <summary>The JSON names: <see cref="JsonStringEnumMemberNameAttribute"/> where a member has one, else kebab-case.</summary>
    private static readonly string[] Names = Array.ConvertAll(
        MemberNames,
        name => typeof(TEnum).GetField(name)!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? JsonNamingPolicy.KebabCaseLower.ConvertName(name));

    private static readonly JsonEncodedText[] EncodedNames = Array.ConvertAll(Names, name => JsonEncodedText.Encode(name));

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected one of {string.Join(", ", Names)} as a string.");
        }

        for (var i = 0; i < EncodedNames.Length; i++)
        {
            if (reader.ValueTextEquals(EncodedNames[i].EncodedUtf8Bytes))
            {
                return Values[i];
            }
        }

        return Parse(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(EncodedNames[IndexOf(value)]);

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WritePropertyName(EncodedNames[IndexOf(value)]);

    /// <summary>The slow path: kebab-case or member names in any letter case, as the framework's converter allows.</summary>
    private static TEnum Parse(string text)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(MemberNames[i], text, StringComparison.OrdinalIgnoreCase))
            {
                return Values[i];
            }
        }

        throw new JsonException($"'{text}' is not one of {string.Join(", ", Names)}.");
    }

    private static int IndexOf(TEnum value)
    {
        var index = Array.IndexOf(Values, value);
        return index >= 0 ? index : throw new JsonException($"{typeof(TEnum).Name} has no member with the value {value}.");
    }
}
