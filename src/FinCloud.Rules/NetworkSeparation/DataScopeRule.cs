namespace FinCloud.Rules.NetworkSeparation;

/// <summary>How many findings of one scanner type (the contract's kebab-case name, e.g. <c>rrn</c>) a data set holds.</summary>
public sealed record FindingCount(string FindingType, long Count);

/// <summary>Findings of one type that fall into categories the exemption excludes.</summary>
public sealed record DataScopeViolation(string FindingType, long Count, IReadOnlyList<DataCategory> ExcludedCategories);

/// <summary>
/// Data-scope proof: scanner findings mapped to the information categories an exemption excludes (ED-21).
/// 고유식별정보 are the RRN, foreigner, passport and driver's-licence numbers (개인정보 보호법 시행령 제19조); card
/// and account numbers are read as 금융거래정보 and 개인신용정보. Phone, e-mail and business numbers map to no
/// excluded category: ED-21's "clean" verdict does not count them.
/// </summary>
public static class DataScopeRule
{
    private static readonly Dictionary<string, DataCategory[]> Direct = new(StringComparer.Ordinal)
    {
        ["rrn"] = [DataCategory.UniqueIdentifier],
        ["foreigner-rn"] = [DataCategory.UniqueIdentifier],
        ["passport"] = [DataCategory.UniqueIdentifier],
        ["driver-license"] = [DataCategory.UniqueIdentifier],
        ["card"] = [DataCategory.TransactionInformation, DataCategory.PersonalCreditInformation],
        ["account"] = [DataCategory.TransactionInformation, DataCategory.PersonalCreditInformation],
        ["phone"] = [],
        ["email"] = [],
        ["brn"] = [],
    };

    /// <summary>The finding types the rule knows, in the contract's names.</summary>
    public static IReadOnlyCollection<string> KnownFindingTypes => Direct.Keys;

    /// <summary>
    /// Every category a finding of this type belongs to, broader ones included (an RRN is also 개인정보).
    /// An unknown type is a bug in the caller, not a clean data set.
    /// </summary>
    public static IReadOnlySet<DataCategory> CategoriesOf(string findingType)
    {
        if (!Direct.TryGetValue(findingType, out var direct))
        {
            throw new ArgumentException($"Unknown finding type '{findingType}'.", nameof(findingType));
        }

        return direct.SelectMany(DataCategories.Implied).ToHashSet();
    }

    /// <summary>The findings that break the exclusions; an empty list means the scan is evidence of a clean scope.</summary>
    public static IReadOnlyList<DataScopeViolation> Check(IEnumerable<DataCategory> excluded, IEnumerable<FindingCount> findings)
    {
        var excludedSet = excluded.ToHashSet();
        return findings
            .Where(f => f.Count > 0)
            .GroupBy(f => f.FindingType, StringComparer.Ordinal)
            .Select(g => new DataScopeViolation(
                g.Key,
                g.Sum(f => f.Count),
                CategoriesOf(g.Key).Where(excludedSet.Contains).Order().ToList()))
            .Where(v => v.ExcludedCategories.Count > 0)
            .OrderBy(v => v.FindingType, StringComparer.Ordinal)
            .ToList();
    }
}
