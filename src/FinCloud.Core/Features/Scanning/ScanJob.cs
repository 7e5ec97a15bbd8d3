using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Features.Scanning;

public enum ScanJobStatus
{
    /// <summary>대기.</summary>
    Queued = 1,

    /// <summary>실행 중.</summary>
    Running = 2,

    /// <summary>완료.</summary>
    Completed = 3,

    /// <summary>실패: the scan could not run at all (per-file errors are part of a completed result).</summary>
    Failed = 4,

    /// <summary>취소.</summary>
    Cancelled = 5,
}

public enum ScanSourceKind
{
    /// <summary>A server folder or file an administrator allowed in configuration.</summary>
    ServerPath = 1,

    /// <summary>An uploaded file, kept only while it is scanned.</summary>
    Upload = 2,
}

/// <summary>
/// 데이터 스캔 작업: one background scan of an allowed server path or an upload, with its progress and result.
/// The result holds counts, per-file counts and masked samples only: raw values are never stored.
/// </summary>
public sealed class ScanJob : ITenantOwned
{
    private ScanJob()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public ScanSourceKind SourceKind { get; private init; }

    /// <summary>The allowed path, or the uploaded file's name.</summary>
    public string Source { get; private init; } = "";

    public ScanJobStatus Status { get; private set; }

    public Guid? RequestedBy { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int FilesDone { get; private set; }

    public int FilesTotal { get; private set; }

    public long BytesDone { get; private set; }

    public long BytesTotal { get; private set; }

    public long Findings { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the uploaded bytes (uploads only).</summary>
    public string? ContentSha256 { get; private set; }

    /// <summary>The result document (<see cref="ScanJobResult"/> as text), once completed.</summary>
    public string? ResultDocument { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="ResultDocument"/>'s UTF-8 bytes: what evidence cites.</summary>
    public string? ResultSha256 { get; private set; }

    /// <summary>Why the job failed (a sentence for people, never data).</summary>
    public string? Error { get; private set; }

    public bool IsFinished => Status is ScanJobStatus.Completed or ScanJobStatus.Failed or ScanJobStatus.Cancelled;

    public static ScanJob Queue(ScanSourceKind kind, string source, string? contentSha256, Guid? by, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            SourceKind = kind,
            Source = source,
            ContentSha256 = contentSha256,
            Status = ScanJobStatus.Queued,
            RequestedBy = by,
            CreatedAt = now,
        };

    public void Start(DateTimeOffset now)
    {
        Status = ScanJobStatus.Running;
        StartedAt = now;
    }

    public void Report(int filesDone, int filesTotal, long bytesDone, long bytesTotal, long findings)
    {
        FilesDone = filesDone;
        FilesTotal = filesTotal;
        BytesDone = bytesDone;
        BytesTotal = bytesTotal;
        Findings = findings;
    }

    public void Complete(string resultDocument, string resultSha256, DateTimeOffset now)
    {
        Status = ScanJobStatus.Completed;
        ResultDocument = resultDocument;
        ResultSha256 = resultSha256;
        FinishedAt = now;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        Status = ScanJobStatus.Failed;
        Error = error.Length > 500 ? error[..500] : error;
        FinishedAt = now;
    }

    public void Cancel(DateTimeOffset now)
    {
        Status = ScanJobStatus.Cancelled;
        FinishedAt = now;
    }
}

/// <summary>What a completed scan found, as stored and attached as evidence.</summary>
/// <param name="Source">The path or upload name.</param>
/// <param name="CountsByType">Findings per type, in the scan contract's names (<c>rrn</c>, <c>card</c>, …).</param>
/// <param name="Files">Per-file counts and errors (the first <see cref="MaxFiles"/> files).</param>
/// <param name="FilesOmitted">Files beyond <see cref="MaxFiles"/>, counted in the totals only.</param>
/// <param name="Samples">Masked samples (<c>900101-1******</c>), a few per type.</param>
public sealed record ScanJobResult(
    string Source,
    long Bytes,
    long Findings,
    double Seconds,
    bool Truncated,
    IReadOnlyDictionary<string, long> CountsByType,
    IReadOnlyList<ScanJobFile> Files,
    int FilesOmitted,
    IReadOnlyList<ScanJobSample> Samples)
{
    public const int MaxFiles = 1000;

    public const int SamplesPerType = 5;
}

public sealed record ScanJobFile(string Path, long Bytes, long Findings, IReadOnlyDictionary<string, long> CountsByType, string? Error);

public sealed record ScanJobSample(string Path, long Line, string Type, string Confidence, string Masked);
