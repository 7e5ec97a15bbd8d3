using System.Buffers;
using System.Text;
using FinCloud.Scanner.Detection;

namespace FinCloud.Scanner.Pipeline;

/// <summary>A finding located relative to its chunk: the emitter adds the chunk's first line number.</summary>
internal readonly record struct LocalFinding(
    int LineIndex,
    int Column,
    IdentifierType Type,
    ChecksumStatus Checksum,
    Confidence Confidence,
    string? Value);

/// <summary>The findings of one chunk and what the emitter needs to place them.</summary>
internal sealed class ChunkResult
{
    public List<LocalFinding> Findings { get; init; } = [];

    /// <summary>SHA-256 of each finding's normalized value, 32 bytes each, in finding order.</summary>
    public byte[] Hashes { get; set; } = [];

    /// <summary>Each finding's normalized value (for masked samples), or empty when none are wanted.</summary>
    public List<string> Normalized { get; } = [];

    /// <summary>Number of LF bytes in the chunk.</summary>
    public int LineFeeds { get; set; }

    /// <summary>Scalar values after the last LF (only computed when the chunk ends inside a line).</summary>
    public int TrailingScalars { get; set; }

    public int Bytes { get; set; }
}

/// <summary>
/// Scans UTF-8 text: skips digit-free stretches with a vectorised search, then decodes and analyses only the
/// lines that hold a digit or an '@'. One instance per thread.
/// </summary>
internal sealed class ChunkScanner(DateOnly today, IReadOnlySet<IdentifierType>? types, bool reveal, bool keepNormalized)
{
    // ASCII digits, '@', and 0xEF, the lead byte of full-width digits (EF BC 90–99).
    private static readonly SearchValues<byte> Triggers = SearchValues.Create([.. "0123456789@"u8, (byte)0xEF]);

    private readonly LineDetector _detector = new(today);
    private readonly List<Detected> _detections = [];
    private readonly List<(int Offset, int Length)> _messages = [];
    private byte[] _values = new byte[1 << 16];
    private int _valuesLength;
    private int _lastCount;
    private char[] _chars = new char[4096];

    /// <param name="chunk">Whole lines of UTF-8 (the last may be cut when <paramref name="endsMidLine"/>).</param>
    /// <param name="header">CSV/TSV header context, or null.</param>
    /// <param name="startsAtLine1">The chunk's first line is line 1 of its file (which has no header context).</param>
    /// <param name="endsMidLine">The chunk was cut inside an over-long line.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public ChunkResult Scan(ReadOnlySpan<byte> chunk, HeaderContext? header, bool startsAtLine1, bool endsMidLine)
    {
        // Sized from the last chunk: dense files have tens of thousands of findings per chunk.
        var result = new ChunkResult { Bytes = chunk.Length, Findings = new List<LocalFinding>(_lastCount + (_lastCount >> 3)) };
        _messages.Clear();
        _valuesLength = 0;
        var lineStart = 0;
        var lineIndex = 0;
        var pos = 0;
        while (pos < chunk.Length)
        {
            var found = chunk[pos..].IndexOfAny(Triggers);
            if (found < 0)
            {
                break;
            }

            var p = pos + found;
            if (chunk[p] == 0xEF && !(p + 2 < chunk.Length && chunk[p + 1] == 0xBC && chunk[p + 2] is >= 0x90 and <= 0x99))
            {
                pos = p + 1;
                continue;
            }

            var between = chunk[lineStart..p];
            var feeds = between.Count((byte)'\n');
            if (feeds > 0)
            {
                lineIndex += feeds;
                lineStart += between.LastIndexOf((byte)'\n') + 1;
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
                break;
            }

            lineStart = pos = lineEnd + 1;
            lineIndex++;
        }

        if (_messages.Count > 0)
        {
            result.Hashes = new byte[_messages.Count * 32];
            Sha256Batch.HashAll(_values.AsSpan(0, _valuesLength), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_messages), result.Hashes);
        }

        _lastCount = result.Findings.Count;
        result.LineFeeds = chunk.Count((byte)'\n');
        if (endsMidLine)
        {
            var lastFeed = chunk.LastIndexOf((byte)'\n');
            result.TrailingScalars = Utf8ScalarCount(chunk[(lastFeed + 1)..]);
        }

        return result;
    }

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
        var columnBase = 0;
        var columnAt = 0;
        foreach (var d in _detections)
        {
            if (types is not null && !types.Contains(d.Type))
            {
                continue;
            }

            columnBase += Chars.ScalarCount(line[columnAt..d.Start]);
            columnAt = d.Start;
            var text = line[d.Start..d.End];
            if (_valuesLength + text.Length > _values.Length)
            {
                Array.Resize(ref _values, Math.Max(_values.Length * 2, _valuesLength + text.Length));
            }

            var valueLength = NormalizedValue.Write(text, d.Type, _values.AsSpan(_valuesLength));
            _messages.Add((_valuesLength, valueLength));
            if (keepNormalized)
            {
                result.Normalized.Add(Encoding.ASCII.GetString(_values, _valuesLength, valueLength));
            }

            _valuesLength += valueLength;
            result.Findings.Add(new LocalFinding(lineIndex, columnBase + 1, d.Type, d.Checksum, d.Confidence, reveal ? text.ToString() : null));
        }
    }
}
