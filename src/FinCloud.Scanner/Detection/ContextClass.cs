namespace FinCloud.Scanner.Detection;

/// <summary>Context classes of scan-labels §3.1.</summary>
[Flags]
public enum ContextClass
{
    None = 0,
    Identity = 1,
    Passport = 2,
    Driver = 4,
    Brn = 8,
    Account = 16,
    Corporate = 32,
}

/// <summary>The keywords of scan-labels §3.1, nothing else.</summary>
internal static class Keywords
{
    /// <summary>A keyword occurrence in a line: where it ends (exclusive) and its class.</summary>
    public readonly record struct Hit(int End, ContextClass Class);

    private static readonly (string Word, ContextClass Class)[] All =
    [
        ("주민등록", ContextClass.Identity), ("주민번호", ContextClass.Identity), ("외국인등록", ContextClass.Identity),
        ("외국인 등록", ContextClass.Identity), ("외국인번호", ContextClass.Identity), ("실명번호", ContextClass.Identity),
        ("rrn", ContextClass.Identity), ("jumin", ContextClass.Identity), ("resident", ContextClass.Identity),
        ("foreigner", ContextClass.Identity), ("alien", ContextClass.Identity),
        ("여권", ContextClass.Passport), ("passport", ContextClass.Passport),
        ("운전면허", ContextClass.Driver), ("면허번호", ContextClass.Driver), ("driver", ContextClass.Driver),
        ("licence", ContextClass.Driver), ("license", ContextClass.Driver),
        ("사업자", ContextClass.Brn), ("brn", ContextClass.Brn), ("business", ContextClass.Brn), ("biz", ContextClass.Brn),
        ("계좌", ContextClass.Account), ("통장", ContextClass.Account), ("은행", ContextClass.Account),
        ("뱅크", ContextClass.Account), ("account", ContextClass.Account), ("acct", ContextClass.Account),
        ("법인등록", ContextClass.Corporate), ("법인번호", ContextClass.Corporate), ("crn", ContextClass.Corporate),
    ];

    /// <summary>Keywords by first character (ASCII keywords under their lower-case first letter).</summary>
    private static readonly Dictionary<char, (string Word, ContextClass Class)[]> ByFirst =
        All.GroupBy(k => k.Word[0]).ToDictionary(g => g.Key, g => g.ToArray());

    public const int MaxLength = 9;

    /// <summary>Characters that can start a keyword, for a quick skip.</summary>
    private static readonly System.Buffers.SearchValues<char> FirstChars = System.Buffers.SearchValues.Create(
        string.Concat(All.Select(k => k.Word[0]).Distinct()) + string.Concat(All.Where(k => k.Word[0] < 128).Select(k => char.ToUpperInvariant(k.Word[0])).Distinct()));

    /// <summary>Keywords by last character (ASCII keywords under their lower-case last letter).</summary>
    private static readonly Dictionary<char, (string Word, ContextClass Class)[]> ByLast =
        All.GroupBy(k => k.Word[^1]).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>
    /// The classes of the keywords that end at an index in [<paramref name="from"/>, <paramref name="to"/>] of
    /// <paramref name="text"/> (a keyword may start before <paramref name="from"/>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ContextClass EndingBetween(ReadOnlySpan<char> text, int from, int to)
    {
        var mask = ContextClass.None;
        for (var end = to; end >= from && end > 0; end--)
        {
            var c = text[end - 1];
            if (c is >= 'A' and <= 'Z')
            {
                c = (char)(c | 0x20);
            }

            if (c is not ('록' or '호' or 'n' or 't' or 'r' or '권' or '허' or 'e' or '자' or 's' or 'z' or '좌' or '장' or '행' or '크') ||
                !ByLast.TryGetValue(c, out var candidates))
            {
                continue;
            }

            foreach (var (word, cls) in candidates)
            {
                if (end >= word.Length && Matches(text.Slice(end - word.Length, word.Length), word))
                {
                    mask |= cls;
                }
            }
        }

        return mask;
    }

    /// <summary>Every keyword occurrence in <paramref name="text"/>, in order of start.</summary>
    public static void FindAll(ReadOnlySpan<char> text, List<Hit> hits)
    {
        var i = 0;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny(FirstChars);
            if (next < 0)
            {
                return;
            }

            i += next;
            var c = text[i];
            if (c is >= 'A' and <= 'Z')
            {
                c = (char)(c | 0x20);
            }

            if (ByFirst.TryGetValue(c, out var candidates))
            {
                foreach (var (word, cls) in candidates)
                {
                    if (i + word.Length <= text.Length && Matches(text.Slice(i, word.Length), word))
                    {
                        hits.Add(new Hit(i + word.Length, cls));
                    }
                }
            }

            i++;
        }
    }

    /// <summary>The classes of every keyword contained in <paramref name="text"/> (for header fields).</summary>
    public static ContextClass ClassesIn(ReadOnlySpan<char> text)
    {
        var hits = new List<Hit>();
        FindAll(text, hits);
        var mask = ContextClass.None;
        foreach (var hit in hits)
        {
            mask |= hit.Class;
        }

        return mask;
    }

    private static bool Matches(ReadOnlySpan<char> text, string word) =>
        word[0] < 128 ? text.Equals(word, StringComparison.OrdinalIgnoreCase) && IsAscii(text) : text.SequenceEqual(word);

    // OrdinalIgnoreCase folds the Kelvin sign and similar to ASCII letters; the contract ignores ASCII case only.
    private static bool IsAscii(ReadOnlySpan<char> text) => System.Text.Ascii.IsValid(text);
}
