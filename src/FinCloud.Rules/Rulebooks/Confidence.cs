using System.Text.Json.Serialization;
using FinCloud.Rules.Json;

namespace FinCloud.Rules.Rulebooks;

/// <summary>How well a rule is sourced, using the tags of the regulatory reference ("How to use this").</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<Confidence>))]
public enum Confidence
{
    /// <summary>[V]: a primary or secondary source states it.</summary>
    [JsonStringEnumMemberName("V")] Verified,

    /// <summary>[V-secondary]: a blog, consultancy page or practitioner wiki states it.</summary>
    [JsonStringEnumMemberName("V-secondary")] VerifiedSecondary,

    /// <summary>[V-code]: taken from a public library implementing an official table.</summary>
    [JsonStringEnumMemberName("V-code")] VerifiedCode,

    /// <summary>[3P]: only a third party's reading supports it; shown as unverified.</summary>
    [JsonStringEnumMemberName("3P")] ThirdParty,

    /// <summary>[R]: reconstructed from general knowledge; a configurable default.</summary>
    [JsonStringEnumMemberName("R")] Reconstructed,

    /// <summary>[NOT FOUND]: placeholder data only, visibly marked.</summary>
    [JsonStringEnumMemberName("NOT FOUND")] NotFound,
}

public static class ConfidenceExtensions
{
    /// <summary>The tag as the regulatory reference writes it, e.g. <c>[3P]</c>.</summary>
    public static string Tag(this Confidence confidence) => confidence switch
    {
        Confidence.Verified => "[V]",
        Confidence.VerifiedSecondary => "[V-secondary]",
        Confidence.VerifiedCode => "[V-code]",
        Confidence.ThirdParty => "[3P]",
        Confidence.Reconstructed => "[R]",
        Confidence.NotFound => "[NOT FOUND]",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence)),
    };

    /// <summary>Rules resting only on [3P], [R] or [NOT FOUND] must say so in every output that depends on them.</summary>
    public static bool IsUnverified(this Confidence confidence) =>
        confidence is Confidence.ThirdParty or Confidence.Reconstructed or Confidence.NotFound;
}
