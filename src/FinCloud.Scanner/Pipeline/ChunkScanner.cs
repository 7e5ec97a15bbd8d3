using System.Runtime.Intrinsics;
using System.Text;
using FinCloud.Scanner.Detection;

namespace FinCloud.Scanner.Pipeline;

/// <summary>A finding located relative to its chunk: the emitter adds the chunk's first line number.</summary>
/// <remarks>No references (the raw value, when asked for, is in <see cref="ChunkResult.Values"/>): clearing a list of
/// these between chunks costs nothing, where one holding a string had to zero every entry.</remarks>
internal readonly record struct LocalFinding(
    int LineIndex,
    int Column,
    IdentifierType Type,
    ChecksumStatus Checksum,
    Confidence Confidence);

/// <summary>The findings of one chunk and what the emitter needs to place them.</summary>
/// <remarks>Reused across chunks (the scan keeps a few in a pool): dense chunks hold tens of thousands of findings,
/// and fresh arrays of that size each time landed on the large-object heap.</remarks>
internal sealed class ChunkResult
{
    public List<LocalFinding> Findings { get; } = [];

    /// <summary>SHA-256 of each finding's normalized value, 32 bytes each, in finding order (the array may be longer).</summary>
    public byte[] Hashes { get; set; } = [];

    /// <summary>Each finding's normalized value (for masked samples), or empty when none are wanted.</summary>
    public List<string> Normalized { get; } = [];

    /// <summary>Each finding's value as written (--reveal), or empty when not asked for.</summary>
    public List<string> Values { get; } = [];

    /// <summary>Number of LF bytes in the chunk.</summary>
    public int LineFeeds { get; set; }

    /// <summary>Scalar values after the last LF (only computed when the chunk ends inside a line).</summary>
    public int TrailingScalars { get; set; }

    public int Bytes { get; set; }

    public void Reset(int bytes)
    {
        Findings.Clear();
        Normalized.Clear();
        Values.Clear();
        LineFeeds = 0;
        TrailingScalars = 0;
        Bytes = bytes;
    }
}

/// <summary>
/// Scans UTF-8 text: skips digit-free stretches with a vectorised search, then decodes and analyses only the
/// lines that hold a digit or an '@'. One instance per thread.
/// </summary>
internal sealed class ChunkScanner(DateOnly today, IReadOnlySet<IdentifierType>? types, bool reveal, bool keepNormalized)
{
    private readonly LineDetector _detector = new(today);
    private readonly List<Detected> _detections = [];
    private readonly List<(int Offset, int Length)> _messages = [];
    private byte[] _values = new byte[1 << 16];
    private int _valuesLength;
    private char[] _chars = new char[4096];

    /// <param name="chunk">Whole lines of UTF-8 (the last may be cut when <paramref name="endsMidLine"/>).</param>
    /// <param name="header">CSV/TSV header context, or null.</param>
    /// <param name="startsAtLine1">The chunk's first line is line 1 of its file (which has no header context).</param>
    /// <param name="endsMidLine">The chunk was cut inside an over-long line.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    /// <param name="result">Receives the findings (cleared first).</param>
    public ChunkResult Scan(ReadOnlySpan<byte> chunk, HeaderContext? header, bool startsAtLine1, bool endsMidLine, ChunkResult result)
    {
        result.Reset(chunk.Length);
        _messages.Clear();
        _valuesLength = 0;
        var lineStart = 0;
        var lineIndex = 0;
        var pos = 0;
        var lineFeeds = 0;
        while (pos < chunk.Length)
        {
            var found = IndexOfTrigger(chunk[pos..]);
            if (found < 0)
            {
                break;
            }

            var p = pos + found;

            // Line feeds between the last scanned line and the trigger: counted once, here, for the line numbers.
            var between = chunk[lineStart..p];
            var lastFeed = between.LastIndexOf((byte)'\n');
            if (lastFeed >= 0)
            {
                var feeds = between[..lastFeed].Count((byte)'\n') + 1;
                lineIndex += feeds;
                lineFeeds += feeds;
                lineStart += lastFeed + 1;
            }

            var eol = chunk[p..].IndexOf((byte)'\n');
            var lineEnd = eol < 0 ? chunk.Length : p + eol;
            var contentEnd = lineEnd;
            if (eol >= 0 && contentEnd > lineStart && chunk[contentEnd - 1] == '\r')
            {
                contentEnd--;
            }

            ScanLine(chunk[lineStart..contentEnd], lineIndex, startsAtLine1 && lineIndex == 0 ? null : header, result);
            if (eol < 0)
            {
                lineStart = chunk.Length;
                break;
            }

            lineStart = pos = lineEnd + 1;
            lineIndex++;
            lineFeeds++;
        }

        lineFeeds += chunk[Math.Min(lineStart, chunk.Length)..].Count((byte)'\n');

        if (_messages.Count > 0)
        {
            if (result.Hashes.Length < _messages.Count * 32)
            {
                result.Hashes = new byte[Math.Max(_messages.Count * 32, result.Hashes.Length * 2)];
            }

            Sha256Batch.HashAll(_values, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_messages), result.Hashes);
        }

        result.LineFeeds = lineFeeds;
        if (endsMidLine)
        {
            var lastFeed = chunk.LastIndexOf((byte)'\n');
            result.TrailingScalars = Utf8ScalarCount(chunk[(lastFeed + 1)..]);
        }

        return result;
    }

    /// <summary>
    /// The first ASCII digit, '@' or full-width digit (EF BC 90–99), 32 bytes at a time. Written out rather than a
    /// SearchValues search: that generic search ran as unoptimised tier-0 code for much of a short scan.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static int IndexOfTrigger(ReadOnlySpan<byte> text)
    {
        var i = 0;
        ref var start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(text);
        if (Vector256.IsHardwareAccelerated && text.Length >= Vector256<byte>.Count)
        {
            var zero = Vector256.Create((byte)'0');
            var ten = Vector256.Create((byte)10);
            var at = Vector256.Create((byte)'@');
            var lead = Vector256.Create((byte)0xEF);
            for (; i <= text.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                var hits = Vector256.LessThan(v - zero, ten) | Vector256.Equals(v, at) | Vector256.Equals(v, lead);
                if (hits == Vector256<byte>.Zero)
                {
                    continue;
                }

                // 0xEF also leads other full-width forms (！, ～): only EF BC 90–99 is a digit.
                var mask = hits.ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var p = i + System.Numerics.BitOperations.TrailingZeroCount(mask);
                    if (text[p] != 0xEF || IsFullWidthDigit(text, p))
                    {
                        return p;
                    }

                    mask &= mask - 1;
                }
            }
        }

        for (; i < text.Length; i++)
        {
            var b = text[i];
            if ((uint)(b - '0') <= 9 || b == '@' || (b == 0xEF && IsFullWidthDigit(text, i)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsFullWidthDigit(ReadOnlySpan<byte> text, int p) =>
        p + 2 < text.Length && text[p + 1] == 0xBC && text[p + 2] is >= 0x90 and <= 0x99;

    private static int Utf8ScalarCount(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void ScanLine(ReadOnlySpan<byte> utf8, int lineIndex, HeaderContext? header, ChunkResult result)
    {
        if (_chars.Length < utf8.Length)
        {
            _chars = new char[Math.Max(utf8.Length, _chars.Length * 2)];
        }

        var length = Encoding.UTF8.GetChars(utf8, _chars);
        var line = _chars.AsSpan(0, length);
        _detections.Clear();
        _detector.Detect(line, header, _detections);
        if (_detections.Count == 0)
        {
            return;
        }

        // Columns count scalar values; only a surrogate pair makes them differ from UTF-16 positions, and lines
        // rarely hold one, so one vector search per line spares counting before every finding.
        var pairs = line.ContainsAnyInRange('\uD800', '\uDFFF');
        var columnBase = 0;
        var columnAt = 0;
        foreach (ref readonly var d in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_detections))
        {
            if (types is not null && !types.Contains(d.Type))
            {
                continue;
            }

            columnBase += pairs ? Chars.ScalarCount(line[columnAt..d.Start]) : d.Start - columnAt;
            columnAt = d.Start;
            // Room for the vector stores past the value that NormalizedValue makes.
            if (_valuesLength + d.Length + 16 > _values.Length)
            {
                Array.Resize(ref _values, Math.Max(_values.Length * 2, _valuesLength + d.Length + 16));
            }

            var valueLength = NormalizedValue.Write(line, d.Start, d.End, d.Type, _values.AsSpan(_valuesLength));
            _messages.Add((_valuesLength, valueLength));
            if (keepNormalized)
            {
                result.Normalized.Add(Encoding.ASCII.GetString(_values, _valuesLength, valueLength));
            }

            _valuesLength += valueLength;
            result.Findings.Add(new LocalFinding(lineIndex, columnBase + 1, d.Type, d.Checksum, d.Confidence));
            if (reveal)
            {
                result.Values.Add(line[d.Start..d.End].ToString());
            }
        }
    }
}
