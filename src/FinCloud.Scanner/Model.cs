using System.Text;

namespace FinCloud.Scanner;

/// <summary>One identifier found in one file. The raw value is kept only when the scan was asked to reveal it.</summary>
/// <param name="Path">As given, joined with the path inside a folder, archive or workbook.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based position of the first character, in Unicode scalar values.</param>
/// <param name="Type">The identifier type.</param>
/// <param name="ValueSha256">Lowercase hex SHA-256 of the normalized value.</param>
/// <param name="Confidence">How sure the finding is.</param>
/// <param name="Checksum">Whether the check digit holds, where there is one.</param>
/// <param name="MaskedValue">A sample safe to show, e.g. <c>900101-1******</c>; null unless <see cref="ScanOptions.MaskValues"/>.</param>
/// <param name="Value">The value as written; null unless <see cref="ScanOptions.RevealValues"/>.</param>
public sealed record Finding(
    string Path,
    long Line,
    int Column,
    IdentifierType Type,
    string ValueSha256,
    Confidence Confidence,
    ChecksumStatus Checksum,
    string? MaskedValue,
    string? Value);

/// <summary>What to scan: a file or folder on disk, or a stream such as an upload or standard input.</summary>
public sealed record ScanInput
{
    private ScanInput(string displayPath, string? localPath, Func<Stream>? open)
    {
        DisplayPath = displayPath;
        LocalPath = localPath;
        Open = open;
    }

    /// <summary>The path findings report (for a folder, its files' relative paths are joined to it).</summary>
    public string DisplayPath { get; }

    /// <summary>A file or folder on disk.</summary>
    public string? LocalPath { get; }

    /// <summary>Opens a stream (read once, front to back).</summary>
    public Func<Stream>? Open { get; }

    public static ScanInput FromPath(string path) => new(path, path, null);

    /// <summary>A stream named <paramref name="displayPath"/>; its extension picks CSV, XLSX or ZIP handling.</summary>
    public static ScanInput FromStream(string displayPath, Func<Stream> open) => new(displayPath, null, open);
}

/// <summary>How the text of a file is decoded; <see cref="Auto"/> follows scan-labels §1.2.</summary>
public enum TextEncodingChoice
{
    Auto,
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
    Cp949,
}

/// <summary>Options of one scan.</summary>
public sealed record ScanOptions
{
    /// <summary>The day the scan runs in Korea (KST): birth dates after it are no birth dates.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Types to report (null: all). Applied after overlap resolution.</summary>
    public IReadOnlySet<IdentifierType>? Types { get; init; }

    /// <summary>Keep the raw value in each finding. Off by default: findings carry hashes only.</summary>
    public bool RevealValues { get; init; }

    /// <summary>Give each finding a masked sample (<c>900101-1******</c>) for people to read.</summary>
    public bool MaskValues { get; init; } = true;

    /// <summary>Stop after this many findings (null: no limit).</summary>
    public long? MaxFindings { get; init; }

    /// <summary>Glob patterns a file under a folder must match (none: every file). A pattern without '/' matches the file name.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Glob patterns excluding files under a folder.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Force an encoding instead of detecting it.</summary>
    public TextEncodingChoice Encoding { get; init; } = TextEncodingChoice.Auto;

    /// <summary>Worker threads (default: one per processor).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Bytes handed to one worker at a time; lines are never split below <see cref="MaxLineBytes"/>.</summary>
    public int ChunkBytes { get; init; } = 1 << 20;

    /// <summary>Longer lines are cut (context across the cut is lost); keeps memory bounded.</summary>
    public int MaxLineBytes { get; init; } = 64 << 20;

    /// <summary>Archive limits against zip bombs.</summary>
    public ArchiveLimits ArchiveLimits { get; init; } = new();

    /// <summary>Scan only this shard's share of the files (null: all of them).</summary>
    public ScanShard? Shard { get; init; }
}

/// <summary>
/// One of <see cref="Count"/> disjoint shares of the files, so that that many processes can scan one corpus
/// together: a file belongs to shard <c>SHA-256(key) mod Count</c>, its key being its path relative to the folder
/// given (or the path given, for a file or stream). Every process given the same inputs agrees on the split
/// without talking to the others, and the shards together hold every file exactly once. Archives and workbooks
/// are split as whole files.
/// </summary>
/// <param name="Index">This shard, from 0 to <see cref="Count"/> - 1 (a Kubernetes Indexed Job's completion index).</param>
/// <param name="Count">Number of shards, at least 1.</param>
public sealed record ScanShard(int Index, int Count)
{
    public int Index { get; } = Count >= 1 && Index >= 0 && Index < Count
        ? Index
        : throw new ArgumentOutOfRangeException(nameof(Index), $"shard {Index}/{Count}: need 0 <= index < count");

    /// <summary>Whether the file with this key belongs to this shard.</summary>
    public bool Holds(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Count == 1)
        {
            return true;
        }

        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key.Replace('\\', '/')), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)Count == (ulong)Index;
    }
}

/// <summary>Limits on ZIP and XLSX contents, counted on the bytes actually inflated.</summary>
/// <param name="MaxEntryBytes">Largest inflated entry.</param>
/// <param name="MaxTotalBytes">Most inflated bytes per top-level archive.</param>
/// <param name="MaxCompressionRatio">Largest inflated/compressed ratio for entries over 1 MiB.</param>
/// <param name="MaxNestingDepth">Archives inside archives, this deep.</param>
public sealed record ArchiveLimits(
    long MaxEntryBytes = 8L << 30,
    long MaxTotalBytes = 32L << 30,
    int MaxCompressionRatio = 200,
    int MaxNestingDepth = 4);

/// <summary>Where a running scan is, for a progress bar.</summary>
public sealed record ScanProgress(int FilesDone, int FilesTotal, long BytesDone, long BytesTotal, long Findings, TimeSpan Elapsed)
{
    public double BytesPerSecond => Elapsed.TotalSeconds > 0 ? BytesDone / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left, when it can be told.</summary>
    public TimeSpan? Remaining => BytesPerSecond > 0 && BytesTotal >= BytesDone
        ? TimeSpan.FromSeconds((BytesTotal - BytesDone) / BytesPerSecond)
        : null;
}

/// <summary>The outcome for one file (or one archive entry or sheet).</summary>
public sealed record FileResult(string Path, long Bytes, IReadOnlyDictionary<IdentifierType, long> FindingsByType, string? Error)
{
    public long Findings => FindingsByType.Values.Sum();
}

/// <summary>The outcome of a scan.</summary>
public sealed record ScanSummary(
    IReadOnlyList<FileResult> Files,
    long Bytes,
    IReadOnlyDictionary<IdentifierType, long> FindingsByType,
    TimeSpan Elapsed,
    bool Truncated)
{
    public long Findings => FindingsByType.Values.Sum();

    public IEnumerable<FileResult> Errors => Files.Where(f => f.Error is not null);

    public double BytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / Elapsed.TotalSeconds : 0;

    /// <summary>One line for a terminal or log: files, bytes, findings by type, throughput.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"scanned {Files.Count} file(s), {Bytes:N0} bytes in {Elapsed.TotalSeconds:F2} s ({BytesPerSecond / 1e6:F1} MB/s): {Findings} finding(s)");
        if (Findings > 0)
        {
            text.Append(" (");
            text.AppendJoin(", ", FindingsByType.Where(p => p.Value > 0).OrderBy(p => p.Key).Select(p => $"{p.Key.Name()} {p.Value}"));
            text.Append(')');
        }

        var errors = Errors.Count();
        if (errors > 0)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $", {errors} file error(s)");
        }

        if (Truncated)
        {
            text.Append(", stopped at the finding limit");
        }

        return text.ToString();
    }
}

/// <summary>
/// One finding as <see cref="DataScanner.ScanViewsAsync"/> hands it out, without allocating: the hash is a view of
/// the scan's own buffer, valid only during the call. On dense data a finding every few dozen bytes made a
/// <see cref="Finding"/> and its hex string per finding one of the largest costs of a scan (allocation and GC).
/// </summary>
public readonly ref struct FindingView
{
    internal FindingView(string path, long line, int column, IdentifierType type, ReadOnlySpan<byte> sha256,
        Confidence confidence, ChecksumStatus checksum, string? maskedValue, string? value)
    {
        Path = path;
        Line = line;
        Column = column;
        Type = type;
        Sha256 = sha256;
        Confidence = confidence;
        Checksum = checksum;
        MaskedValue = maskedValue;
        Value = value;
    }

    /// <inheritdoc cref="Finding.Path"/>
    public string Path { get; }

    /// <inheritdoc cref="Finding.Line"/>
    public long Line { get; }

    /// <inheritdoc cref="Finding.Column"/>
    public int Column { get; }

    /// <inheritdoc cref="Finding.Type"/>
    public IdentifierType Type { get; }

    /// <summary>The 32 bytes of the SHA-256 of the normalized value (<see cref="Finding.ValueSha256"/> is their lowercase hex).</summary>
    public ReadOnlySpan<byte> Sha256 { get; }

    /// <inheritdoc cref="Finding.Confidence"/>
    public Confidence Confidence { get; }

    /// <inheritdoc cref="Finding.Checksum"/>
    public ChecksumStatus Checksum { get; }

    /// <inheritdoc cref="Finding.MaskedValue"/>
    public string? MaskedValue { get; }

    /// <inheritdoc cref="Finding.Value"/>
    public string? Value { get; }

    /// <summary>A <see cref="Finding"/> to keep after the call.</summary>
    public Finding ToFinding() =>
        new(Path, Line, Column, Type, Convert.ToHexStringLower(Sha256), Confidence, Checksum, MaskedValue, Value);
}

/// <summary>Receives one finding of <see cref="DataScanner.ScanViewsAsync"/>.</summary>
public delegate void FindingViewHandler(in FindingView finding);
