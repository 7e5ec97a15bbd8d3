namespace FinCloud.Rules;

/// <summary>
/// 조사 that depend on the word before them: 을/를, 이/가, 은/는, by whether its last syllable ends in a consonant
/// (받침). Words that do not end in Hangul (digits, Latin letters, brackets) take the written-out pair, 을(를).
/// </summary>
public static class KoreanParticles
{
    /// <summary>The word with 을 or 를: "업무 코드를", "사업장을".</summary>
    public static string AsObject(string word) => Attach(word, "을", "를");

    /// <summary>The word with 이 or 가.</summary>
    public static string AsSubject(string word) => Attach(word, "이", "가");

    /// <summary>The word with 은 or 는.</summary>
    public static string AsTopic(string word) => Attach(word, "은", "는");

    private static string Attach(string word, string afterConsonant, string afterVowel)
    {
        ArgumentNullException.ThrowIfNull(word);
        var last = word.TrimEnd().LastOrDefault();
        return last is >= '\uAC00' and <= '\uD7A3'
            ? word + ((last - '\uAC00') % 28 == 0 ? afterVowel : afterConsonant)
            : $"{word}{afterConsonant}({afterVowel})";
    }
}
