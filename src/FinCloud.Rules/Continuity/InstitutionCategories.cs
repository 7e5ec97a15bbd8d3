namespace FinCloud.Rules.Continuity;

/// <summary>
/// The 업권 categories the continuity rulebooks name (<c>disaster-recovery.json</c>, <c>insurance-minimums.json</c>)
/// in the words of the regulation, for text a person reads; the data keeps the codes.
/// </summary>
public static class InstitutionCategories
{
    private static readonly Dictionary<string, string> Korean = new(StringComparer.Ordinal)
    {
        ["bank"] = "은행",
        ["commercial-bank"] = "일반은행",
        ["special-bank"] = "특수은행",
        ["financial-investment"] = "금융투자업자",
        ["insurance"] = "보험회사",
        ["card"] = "신용카드업자",
        ["market-institution"] = "한국거래소 등 시장기관",
        ["specialized-credit"] = "여신전문금융회사",
        ["savings-bank"] = "상호저축은행",
        ["cooperative-unit"] = "상호금융조합",
        ["electronic-finance"] = "전자금융업자",
        ["*"] = "그 밖의 업권",
    };

    /// <summary>The category's Korean name; a code without one (data newer than this table) is shown as it is.</summary>
    public static string KoreanName(string category) => Korean.GetValueOrDefault(category, category);

    /// <summary>Every category with a name, for the test that the rulebooks name no other.</summary>
    public static IReadOnlyCollection<string> Named => Korean.Keys;
}
