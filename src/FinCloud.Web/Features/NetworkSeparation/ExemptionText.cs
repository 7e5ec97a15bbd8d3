using System.Globalization;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Rules.Rulebooks;
using Microsoft.Extensions.Localization;

namespace FinCloud.Web.Features.NetworkSeparation;

/// <summary>How an exemption's stored codes read on its pages (the institution's and the FSS's).</summary>
public static class ExemptionText
{
    public static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A scan's counts (<c>account=40;email=12</c>) as 계좌번호 40, 이메일 12.</summary>
    public static string Counts(string counts, IStringLocalizer names) => string.Join(", ", counts.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=') is [var type, var count] ? $"{names["Id-" + type]} {count}" : pair));

    /// <summary>Data categories as stored (kebab-case codes) by their Korean terms.</summary>
    public static string Categories(string codes) => string.Join(", ", codes.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(code => Enum.TryParse<DataCategory>(code.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var category) ? category.KoreanTerm() : code));

    /// <summary>The tag of a source that is not verified (shown as its badge), else nothing.</summary>
    public static string ConfidenceTag(Confidence confidence) => confidence.IsUnverified() ? confidence.Tag() : "";
}
