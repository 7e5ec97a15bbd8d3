using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FinCloud.Scanner.Detection;

/// <summary>Character classes of scan-labels §2: full-width digits and hyphen map one-for-one to ASCII.</summary>
/// <remarks>
/// The small tests are marked for inlining: the digit-run parser calls them several times per run, and in that large
/// method the JIT had run out of inlining budget and called them (about 7 % of a dense CSV scan).
/// </remarks>
internal static class Chars
{
    public const char FullWidthZero = '\uFF10';
    public const char FullWidthNine = '\uFF19';
    public const char FullWidthHyphen = '\uFF0D';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9 || (uint)(c - FullWidthZero) <= 9;

    /// <summary>The digit's value; only call on a digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DigitValue(char c) => c <= '9' ? c - '0' : c - FullWidthZero;

    /// <summary>
    /// Each character's digit value: 0–9 for an ASCII or full-width digit, 10 or more for any other character (less
    /// '0' an ASCII digit is 0–9 and a full-width one wraps round; less U+FF10 the other way round).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ushort> DigitValues(Vector128<ushort> v) =>
        Vector128.Min(v - Vector128.Create((ushort)'0'), v - Vector128.Create((ushort)FullWidthZero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAlphanumeric(char c) => IsDigit(c) || IsAsciiLetter(c);

    /// <summary>The separator a character counts as (<c>-</c>, space or <c>.</c>), or NUL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Separator(char c) => c switch
    {
        '-' or FullWidthHyphen => '-',
        ' ' => ' ',
        '.' => '.',
        _ => '\0',
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHyphenOrDot(char c) => c is '-' or '.' or FullWidthHyphen;

    public static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    /// <summary>§2.5: may a numeric value or passport start at <paramref name="start"/>?</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool StartBoundary(ReadOnlySpan<char> line, int start)
    {
        if (start == 0)
        {
            return true;
        }

        var before = line[start - 1];
        if (IsAlphanumeric(before))
        {
            return false;
        }

        return !(IsHyphenOrDot(before) && start >= 2 && IsDigit(line[start - 2]));
    }

    /// <summary>§2.5: may a numeric value or passport end just before <paramref name="end"/>?</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EndBoundary(ReadOnlySpan<char> line, int end)
    {
        if (end >= line.Length)
        {
            return true;
        }

        var after = line[end];
        if (IsAlphanumeric(after))
        {
            return false;
        }

        return !(IsHyphenOrDot(after) && end + 1 < line.Length && IsDigit(line[end + 1]));
    }

    /// <summary>Number of Unicode scalar values in the span (a surrogate pair counts once).</summary>
    public static int ScalarCount(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }

        return count;
    }
}
