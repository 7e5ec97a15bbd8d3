using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FinCloud.Scanner.Detection;

/// <summary>A finding within one line: characters [Start, End) of the line.</summary>
public readonly record struct Detected(int Start, int End, IdentifierType Type, ChecksumStatus Checksum, Confidence Confidence)
{
    public int Length => End - Start;
}

/// <summary>
/// Finds the identifiers in one line exactly as scan-labels.md says: every candidate of every type (§4, with its
/// context, §3), then the overlap resolution of §5. One instance per thread; it reuses its buffers.
/// </summary>
public sealed class LineDetector(DateOnly today)
{
    private const int NearWindow = 24;
    private const int MaxDigits = 16;

    /// <summary>The fewest digits of any numeric type (a 9-digit 02 number, §4.5): shorter runs are not evaluated.</summary>
    private const int MinDigits = 9;

    private static readonly string[] RegionNames =
        ["서울", "부산", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주", "대구", "인천", "광주", "대전", "울산"];

    private readonly List<Detected> _candidates = [];
    // Room for Copy's 16-byte store at any count up to MaxDigits.
    private readonly byte[] _digits = new byte[MaxDigits + 16];
    private readonly int[] _groups = new int[4];
    private readonly LineClasses _classes = new();

    /// <summary>The candidates so far were added in §5 order (most lines): no sort needed.</summary>
    private bool _inOrder;
    private HeaderContext? _header;
    private int _contextStart;
    private ContextClass _context;

    /// <summary>The day the scan runs in Korea: a later birth date is no birth date.</summary>
    public DateOnly Today { get; } = today;

    /// <summary>Adds the findings of <paramref name="line"/> (no line end) to <paramref name="findings"/>, in order.</summary>
    /// <param name="line">One line without its LF or the CR before it.</param>
    /// <param name="header">The CSV/TSV header, for lines 2 and later of such files; otherwise null.</param>
    /// <param name="findings">Receives the findings.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Detect(ReadOnlySpan<char> line, HeaderContext? header, List<Detected> findings)
    {
        _candidates.Clear();
        _inOrder = true;
        _header = header is { IsUseful: true } ? header : null;
        _contextStart = -1;

        _classes.Classify(line);
        var i = 0;
        while (true)
        {
            i = _classes.NextTrigger(i);
            if (i < 0)
            {
                break;
            }

            if (line[i] == '@')
            {
                Email(line, i);
                i++;
                continue;
            }

            // Most runs in dense data are parts of dates, times and amounts: fewer digits than any value, even with
            // the groups a separator joins to them, and no passport letter before them. They can yield nothing.
            var runEnd = _classes.RunEnd(i);
            if (ReachesMinDigits(line, i, runEnd) || (i >= 1 && IsPassportLetter(line[i - 1])))
            {
                DigitRun(line, i, runEnd);
            }

            // A group that follows a digit and '-' or '.' can start neither a value (§2.5) nor a passport (no letter
            // before it), and DigitRun has already tried it as a continuation: skip it rather than search again.
            while (runEnd + 1 < line.Length && Chars.IsHyphenOrDot(line[runEnd]) && Chars.IsDigit(line[runEnd + 1]))
            {
                runEnd = _classes.RunEnd(runEnd + 1);
            }

            i = runEnd;
        }

        if (_candidates.Count == 0)
        {
            return;
        }

        if (!_inOrder)
        {
            SortCandidates();
        }
        // By reference: a copy through the list's enumerator went by way of the stack in pieces and stalled the store.
        var cursor = 0;
        foreach (ref readonly var candidate in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_candidates))
        {
            if (candidate.Start >= cursor)
            {
                findings.Add(candidate);
                cursor = candidate.End;
            }
        }
    }

    /// <summary>§5 order: earliest start, then longest, then type order. Lists are short and nearly sorted.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void SortCandidates()
    {
        var list = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_candidates);
        for (var i = 1; i < list.Length; i++)
        {
            var item = list[i];
            var j = i - 1;
            while (j >= 0 && Before(item, list[j]))
            {
                list[j + 1] = list[j];
                j--;
            }

            list[j + 1] = item;
        }
    }

    private static bool Before(Detected a, Detected b) =>
        a.Start != b.Start ? a.Start < b.Start : a.Length != b.Length ? a.Length > b.Length : a.Type < b.Type;

    /// <summary>§4.7: the letters a passport number starts with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPassportLetter(char c) => c is 'D' or 'G' or 'M' or 'O' or 'R' or 'S';

    /// <summary>
    /// Do the run at [<paramref name="start"/>, <paramref name="runEnd"/>) and the groups joined to it by one
    /// separator (§2.4, at most four groups) hold as many digits as the shortest value? Group ends come from the masks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ReachesMinDigits(ReadOnlySpan<char> line, int start, int runEnd)
    {
        var total = runEnd - start;
        var separator = '\0';
        for (var group = 1; total < MinDigits; group++)
        {
            if (group == 4 || runEnd + 1 >= line.Length || !Chars.IsDigit(line[runEnd + 1]))
            {
                return false;
            }

            var next = Chars.Separator(line[runEnd]);
            if (next == '\0' || (separator != '\0' && next != separator))
            {
                return false;
            }

            separator = next;
            var groupEnd = _classes.RunEnd(runEnd + 1);
            total += groupEnd - runEnd - 1;
            runEnd = groupEnd;
        }

        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void DigitRun(ReadOnlySpan<char> line, int start, int runEnd)
    {
        if (start >= 1 && IsPassportLetter(line[start - 1]) && Chars.StartBoundary(line, start - 1))
        {
            Passport(line, start - 1, start, runEnd);
        }

        var firstLength = runEnd - start;
        if (firstLength > MaxDigits || !Chars.StartBoundary(line, start))
        {
            return;
        }

        // The instance's buffers, not stackalloc: a method with a stack buffer gets a security cookie and copies its
        // span arguments through memory on entry (a store-forwarding stall), which on dense CSV, with a call per
        // digit run, cost about 5 % of the scan.
        var digits = _digits.AsSpan();
        var groups = _groups.AsSpan();
        var count = Copy(line, start, runEnd, digits, 0);
        groups[0] = firstLength;
        var end = runEnd;
        if (count >= MinDigits && Chars.EndBoundary(line, end))
        {
            Evaluate(line, start, end, digits[..count], groups[..1], '\0');
        }

        if (end + 1 >= line.Length || !Chars.IsDigit(line[end + 1]))
        {
            return;
        }

        var separator = Chars.Separator(line[end]);
        if (separator == '\0')
        {
            return;
        }

        for (var k = 1; k < 4; k++)
        {
            var groupStart = end + 1;
            var groupEnd = _classes.RunEnd(groupStart);
            if (count + groupEnd - groupStart > MaxDigits)
            {
                return;
            }

            count = Copy(line, groupStart, groupEnd, digits, count);
            groups[k] = groupEnd - groupStart;
            end = groupEnd;
            if (count >= MinDigits && Chars.EndBoundary(line, end))
            {
                Evaluate(line, start, end, digits[..count], groups[..(k + 1)], separator);
            }

            if (end + 1 >= line.Length || Chars.Separator(line[end]) != separator || !Chars.IsDigit(line[end + 1]))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Appends the values of the digits in [<paramref name="start"/>, <paramref name="end"/>) (at most 16) to
    /// <paramref name="digits"/>. Sixteen characters in one vector step where the line has them: the loop per digit
    /// was a third of the run parser's time. Values past the group are written too and overwritten or ignored.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Copy(ReadOnlySpan<char> line, int start, int end, Span<byte> digits, int count)
    {
        if (Vector128.IsHardwareAccelerated && start + 16 <= line.Length)
        {
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(line));
            var low = Vector128.LoadUnsafe(ref chars, (nuint)start);
            var high = Vector128.LoadUnsafe(ref chars, (nuint)start + 8);

            var values = Vector128.Narrow(Chars.DigitValues(low), Chars.DigitValues(high));
            values.CopyTo(digits.Slice(count, 16));
            return count + end - start;
        }

        for (var i = start; i < end; i++)
        {
            digits[count++] = (byte)Chars.DigitValue(line[i]);
        }

        return count;
    }

    private static bool Is(ReadOnlySpan<int> groups, int a, int b, int c) =>
        groups.Length == 3 && groups[0] == a && groups[1] == b && groups[2] == c;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Evaluate(ReadOnlySpan<char> line, int start, int end, ReadOnlySpan<byte> d, ReadOnlySpan<int> groups, char separator)
    {
        var n = d.Length;
        var bare = groups.Length == 1;

        if (n == 13 && (bare || (groups.Length == 2 && groups[0] == 6)))
        {
            Resident(line, start, end, d);
        }

        if (((n == 16 && (bare || (groups.Length == 4 && groups[0] == 4 && groups[1] == 4 && groups[2] == 4))) ||
             (n == 15 && (bare || Is(groups, 4, 6, 5)))) &&
            Checks.CardPrefixHolds(d) && Checks.LuhnHolds(d))
        {
            Add(start, end, IdentifierType.Card, ChecksumStatus.Valid, Confidence.High);
        }

        if (n == 10)
        {
            if (Is(groups, 3, 2, 5) && Checks.BrnHolds(d))
            {
                Add(start, end, IdentifierType.Brn, ChecksumStatus.Valid, Confidence.High);
            }
            else if (bare && Checks.BrnHolds(d) && Has(line, start, ContextClass.Brn))
            {
                Add(start, end, IdentifierType.Brn, ChecksumStatus.Valid, Confidence.Low);
            }
        }

        if (n is >= 9 and <= 11 && d[0] == 0 && IsPhone(d, groups, bare))
        {
            Add(start, end, IdentifierType.Phone, ChecksumStatus.NotApplicable, Confidence.Medium);
        }

        if (n == 12 && Checks.DriverRegionHolds(d))
        {
            if (groups.Length == 4 && groups[0] == 2 && groups[1] == 2 && groups[2] == 6)
            {
                Add(start, end, IdentifierType.DriverLicense, ChecksumStatus.NotApplicable, Confidence.High);
            }
            else if (bare && Has(line, start, ContextClass.Driver))
            {
                Add(start, end, IdentifierType.DriverLicense, ChecksumStatus.NotApplicable, Confidence.Low);
            }
        }

        if (n == 10 && Is(groups, 2, 6, 2))
        {
            LegacyDriverLicense(line, start, end);
        }

        if (n is >= 10 and <= 14 && (bare || (separator == '-' && AllGroupsAccountSized(groups))) &&
            Has(line, start, ContextClass.Account))
        {
            Add(start, end, IdentifierType.Account, ChecksumStatus.NotApplicable, Confidence.Low);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool AllGroupsAccountSized(ReadOnlySpan<int> groups)
    {
        foreach (var g in groups)
        {
            if (g is < 2 or > 8)
            {
                return false;
            }
        }

        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Resident(ReadOnlySpan<char> line, int start, int end, ReadOnlySpan<byte> d)
    {
        var birth = Checks.ResidentBirthDate(d);
        if (birth is null || birth.Value > Today)
        {
            return;
        }

        var context = ContextAt(line, start);
        if ((context & ContextClass.Corporate) != 0)
        {
            return;
        }

        var type = d[6] <= 4 ? IdentifierType.Rrn : IdentifierType.ForeignerRn;
        var valid = type == IdentifierType.Rrn ? Checks.RrnChecksumHolds(d) : Checks.ForeignerChecksumHolds(d);
        if (valid)
        {
            Add(start, end, type, ChecksumStatus.Valid, Confidence.High);
        }
        else if ((context & ContextClass.Identity) != 0)
        {
            Add(start, end, type, ChecksumStatus.Invalid, Confidence.Medium);
        }
    }

    /// <summary>§4.5, given the first digit is 0.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool IsPhone(ReadOnlySpan<byte> d, ReadOnlySpan<int> groups, bool bare)
    {
        var n = d.Length;
        var g334 = Is(groups, 3, 3, 4);
        var g344 = Is(groups, 3, 4, 4);
        if (d[1] == 1)
        {
            return d[2] switch
            {
                0 => n == 11 && (bare || g344),
                1 or 6 or 7 or 8 or 9 => (n is 10 or 11 && bare) || g334 || g344,
                _ => false,
            };
        }

        if (d[1] == 2)
        {
            return Is(groups, 2, 3, 4) || Is(groups, 2, 4, 4);
        }

        var code = (d[1] * 10) + d[2];
        return code switch
        {
            (>= 31 and <= 33) or (>= 41 and <= 44) or (>= 51 and <= 55) or (>= 61 and <= 64) => g334 || g344,
            70 => g344,
            _ => false,
        };
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void LegacyDriverLicense(ReadOnlySpan<char> line, int start, int end)
    {
        var p = start;
        if (p >= 1 && line[p - 1] == ' ')
        {
            p--;
        }

        if (p < 2)
        {
            return;
        }

        var region = line.Slice(p - 2, 2);
        var known = false;
        foreach (var name in RegionNames)
        {
            if (region.SequenceEqual(name))
            {
                known = true;
                break;
            }
        }

        var regionStart = p - 2;
        if (!known || (regionStart > 0 && (Chars.IsAlphanumeric(line[regionStart - 1]) || Chars.IsHangulSyllable(line[regionStart - 1]))))
        {
            return;
        }

        Add(regionStart, end, IdentifierType.DriverLicense, ChecksumStatus.NotApplicable, Confidence.High);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Passport(ReadOnlySpan<char> line, int letter, int start, int runEnd)
    {
        var runLength = runEnd - start;
        if (runLength == 8)
        {
            if (Chars.EndBoundary(line, runEnd) && Has(line, letter, ContextClass.Passport))
            {
                Add(letter, runEnd, IdentifierType.Passport, ChecksumStatus.NotApplicable, Confidence.Low);
            }
        }
        else if (runLength == 3 && runEnd + 5 <= line.Length && line[runEnd] is >= 'A' and <= 'Z' &&
                 _classes.RunEnd(runEnd + 1) == runEnd + 5 && Chars.EndBoundary(line, runEnd + 5))
        {
            Add(letter, runEnd + 5, IdentifierType.Passport, ChecksumStatus.NotApplicable, Confidence.High);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Email(ReadOnlySpan<char> line, int at)
    {
        var start = LocalPartStart(line, at);
        var end = DomainEnd(line, at + 1);
        while (end > at + 1 && line[end - 1] == '.')
        {
            end--;
        }

        if (ValidLocal(line[start..at]) && ValidDomain(line[(at + 1)..end]))
        {
            Add(start, end, IdentifierType.Email, ChecksumStatus.NotApplicable, Confidence.High);
        }
    }

    // The address's extent, sixteen characters a step: a customer export holds an address per row, and testing its
    // characters one by one, with branches no predictor learns, was an eighth of the detector's time there.

    /// <summary>Where the run of local-part characters (§4.9) that ends at <paramref name="at"/> starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LocalPartStart(ReadOnlySpan<char> line, int at)
    {
        var start = at;
        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(line));
        while (Vector256.IsHardwareAccelerated && start >= 16)
        {
            var v = Vector256.LoadUnsafe(ref chars, (nuint)(start - 16));
            var others = ~(DomainChars(v) | EqualsAny(v, '_', '%', '+')).ExtractMostSignificantBits() & 0xFFFFu;
            if (others != 0)
            {
                return start - 16 + (32 - BitOperations.LeadingZeroCount(others));
            }

            start -= 16;
        }

        while (start > 0 && IsLocalChar(line[start - 1]))
        {
            start--;
        }

        return start;
    }

    /// <summary>The end of the run of domain characters (§4.9) from <paramref name="from"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DomainEnd(ReadOnlySpan<char> line, int from)
    {
        var end = from;
        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(line));
        while (Vector256.IsHardwareAccelerated && end + 16 <= line.Length)
        {
            var others = ~DomainChars(Vector256.LoadUnsafe(ref chars, (nuint)end)).ExtractMostSignificantBits() & 0xFFFFu;
            if (others != 0)
            {
                return end + BitOperations.TrailingZeroCount(others);
            }

            end += 16;
        }

        while (end < line.Length && IsDomainChar(line[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>ASCII letters and digits, '.' and '-'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> DomainChars(Vector256<ushort> v)
    {
        var letters = Vector256.LessThanOrEqual((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')));
        var digits = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9));
        return letters | digits | EqualsAny(v, '.', '-', '-');
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> EqualsAny(Vector256<ushort> v, char a, char b, char c) =>
        Vector256.Equals(v, Vector256.Create((ushort)a)) | Vector256.Equals(v, Vector256.Create((ushort)b)) | Vector256.Equals(v, Vector256.Create((ushort)c));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiAlphanumeric(char c) => char.IsAsciiLetterOrDigit(c);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsLocalChar(char c) => IsAsciiAlphanumeric(c) || c is '.' or '_' or '%' or '+' or '-';

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsDomainChar(char c) => IsAsciiAlphanumeric(c) || c is '.' or '-';

    /// <summary><c>[A-Za-z0-9_%+-]+(\.[A-Za-z0-9_%+-]+)*</c>: dots only between non-empty atoms.</summary>
    /// <remarks>The scan has already kept to local-part characters; one pass checks the dots.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ValidLocal(ReadOnlySpan<char> local)
    {
        if (local.IsEmpty || local[^1] == '.')
        {
            return false;
        }

        var afterDot = true;
        foreach (var c in local)
        {
            var dot = c == '.';
            if (dot && afterDot)
            {
                return false;
            }

            afterDot = dot;
        }

        return true;
    }

    /// <summary><c>([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}</c>.</summary>
    /// <remarks>The scan has already kept to letters, digits, '-' and '.'; one pass checks the labels.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ValidDomain(ReadOnlySpan<char> domain)
    {
        var labels = 0;
        var labelStart = 0;
        var letters = true;
        for (var i = 0; i < domain.Length; i++)
        {
            var c = domain[i];
            if (c != '.')
            {
                letters &= Chars.IsAsciiLetter(c);
                continue;
            }

            if (i == labelStart || domain[labelStart] == '-' || domain[i - 1] == '-')
            {
                return false;
            }

            labels++;
            labelStart = i + 1;
            letters = true;
        }

        // The top-level label: two letters or more (so it neither starts nor ends with '-').
        return labels > 0 && domain.Length - labelStart >= 2 && letters;
    }

    private void Add(int start, int end, IdentifierType type, ChecksumStatus checksum, Confidence confidence)
    {
        var candidate = new Detected(start, end, type, checksum, confidence);
        _inOrder &= _candidates.Count == 0 || Before(_candidates[^1], candidate);
        _candidates.Add(candidate);
    }

    private bool Has(ReadOnlySpan<char> line, int start, ContextClass cls) => (ContextAt(line, start) & cls) != 0;

    /// <summary>Near context (§3.2) and header context (§3.3) of a candidate starting at <paramref name="start"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private ContextClass ContextAt(ReadOnlySpan<char> line, int start)
    {
        if (start == _contextStart)
        {
            return _context;
        }

        var windowStart = start;
        var scalars = 0;
        while (windowStart > 0 && scalars < NearWindow)
        {
            var c = line[windowStart - 1];
            if (Chars.IsDigit(c))
            {
                break;
            }

            if (!char.IsLowSurrogate(c))
            {
                scalars++;
            }

            windowStart--;
        }

        var context = Keywords.EndingBetween(line, windowStart, start);
        if (_header is not null)
        {
            context |= _header.ClassesOfField(_classes.FieldIndex(line, start, _header.Delimiter, _header.QuotesToggle));
        }

        _contextStart = start;
        _context = context;
        return context;
    }
}
