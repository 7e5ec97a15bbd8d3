using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using FinCloud.Core;
using FinCloud.Core.Features.Scanning;
using FinCloud.Core.Persistence;
using FinCloud.Core.Tenancy;
using FinCloud.Rules;
using FinCloud.Scanner;
using FinCloud.Web.Features.CloudUse;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Scanning;

/// <summary>
/// What scan jobs may read: per organisation, the server paths an administrator allowed
/// (<c>Scanning:AllowedPaths:{organisation id}:0</c>, <c>:1</c>, …), and the upload limit (<c>Scanning:MaxUploadBytes</c>).
/// </summary>
public sealed class ScanningSettings
{
    public IReadOnlyDictionary<Guid, IReadOnlyList<string>> AllowedPaths { get; init; } = new Dictionary<Guid, IReadOnlyList<string>>();

    public long MaxUploadBytes { get; init; } = 200L << 20;

    public string UploadFolder { get; init; } = "";

    public IReadOnlyList<string> AllowedPathsOf(Guid organizationId) =>
        AllowedPaths.TryGetValue(organizationId, out var paths) ? paths : [];

    public static ScanningSettings Read(IConfiguration configuration, DatabaseSettings database) => new()
    {
        AllowedPaths = configuration.GetSection("Scanning:AllowedPaths").GetChildren()
            .Where(s => Guid.TryParse(s.Key, out _))
            .ToDictionary(s => Guid.Parse(s.Key), s => (IReadOnlyList<string>)[.. s.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0)]),
        MaxUploadBytes = configuration.GetValue("Scanning:MaxUploadBytes", 200L << 20),
        UploadFolder = Path.Combine(database.DataDirectory, "scans"),
    };
}

/// <summary>
/// Runs scan jobs in the background, one at a time (the scanner itself uses every core), with live progress for
/// the page and cancellation. Uploads are kept only while they are scanned. Results keep counts, per-file counts
/// and masked samples: raw values are neither stored nor logged.
/// </summary>
public sealed partial class ScanJobRunner(IServiceScopeFactory scopes, ScanningSettings settings, TimeProvider clock, ILogger<ScanJobRunner> logger)
    : BackgroundService
{
    /// <summary>File types an upload may be: what the scanner reads.</summary>
    public static readonly IReadOnlyList<string> UploadExtensions = [".csv", ".tsv", ".txt", ".log", ".json", ".jsonl", ".xlsx", ".zip"];

    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, Live> _live = new();

    public ScanningSettings Settings { get; } = settings;

    private sealed record Work(Guid OrganizationId, Guid JobId, ScanInput Input, string? UploadPath);

    private sealed class Live
    {
        public CancellationTokenSource Cancel { get; } = new();

        public ScanProgress? Progress { get; set; }
    }

    /// <summary>Live progress of a queued or running job of this process, or null.</summary>
    public ScanProgress? ProgressOf(Guid jobId) => _live.TryGetValue(jobId, out var live) ? live.Progress : null;

    /// <summary>Starts a scan of a path allowed for the organisation in scope.</summary>
    public async Task<(ScanJob? Job, string? Error)> StartPathAsync(FinCloudDbContext db, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var organization = db.Tenant.RequireOrganization();
        if (!Settings.AllowedPathsOf(organization).Contains(path, StringComparer.Ordinal))
        {
            return (null, "허용되지 않은 경로입니다.");
        }

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return (null, "경로가 서버에 없습니다.");
        }

        var job = await ScanJobs.QueueAsync(db, ScanSourceKind.ServerPath, path, null, ct);
        Enqueue(new Work(organization, job.Id, ScanInput.FromPath(path), null));
        return (job, null);
    }

    /// <summary>Stages an upload (size-limited, type-checked, hashed) and starts its scan.</summary>
    public async Task<(ScanJob? Job, string? Error)> StartUploadAsync(FinCloudDbContext db, string fileName, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(content);
        var organization = db.Tenant.RequireOrganization();
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (name.Length is 0 or > 200 || !UploadExtensions.Contains(extension))
        {
            return (null, $"허용되지 않는 파일 형식입니다 ({string.Join(", ", UploadExtensions)}).");
        }

        var folder = Path.Combine(Settings.UploadFolder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var staged = Path.Combine(folder, name);
        string sha256;
        try
        {
            sha256 = await StageAsync(content, staged, extension, ct);
        }
        catch (InvalidDataException e)
        {
            Directory.Delete(folder, recursive: true);
            return (null, e.Message);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }

        var job = await ScanJobs.QueueAsync(db, ScanSourceKind.Upload, name, sha256, ct);
        Enqueue(new Work(organization, job.Id, ScanInput.FromStream(name, () => File.OpenRead(staged)), folder));
        return (job, null);
    }

    private async Task<string> StageAsync(Stream content, string target, string extension, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[8192];
        var headLength = 0;
        long size = 0;
        await using (var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > Settings.MaxUploadBytes)
                {
                    throw new InvalidDataException($"파일이 {Settings.MaxUploadBytes / (1024 * 1024)}MB를 넘습니다.");
                }

                var n = Math.Min(head.Length - headLength, read);
                Array.Copy(buffer, 0, head, headLength, n);
                headLength += n;
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }

        if (size == 0)
        {
            throw new InvalidDataException("빈 파일입니다.");
        }

        var start = head.AsSpan(0, headLength);
        var isZip = start.StartsWith("PK\u0003\u0004"u8);
        var utf16 = start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        // The content must match the name: archives and workbooks are ZIP files; text has no NUL bytes (UTF-16 aside).
        var matches = extension is ".zip" or ".xlsx" ? isZip : !isZip && (utf16 || !start.Contains((byte)0));
        if (!matches)
        {
            throw new InvalidDataException("파일 내용이 확장자와 맞지 않습니다.");
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Asks a queued or running job to stop; the caller has loaded the job through the tenant filter.</summary>
    public bool Cancel(ScanJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!_live.TryGetValue(job.Id, out var live))
        {
            return false;
        }

        live.Cancel.Cancel();
        return true;
    }

    private void Enqueue(Work work)
    {
        _live[work.JobId] = new Live();
        if (!_queue.Writer.TryWrite(work))
        {
            throw new InvalidOperationException("The scan queue is closed.");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(work, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e, work.JobId);
            }
            finally
            {
                if (_live.TryRemove(work.JobId, out var live))
                {
                    live.Cancel.Dispose();
                }

                if (work.UploadPath is not null && Directory.Exists(work.UploadPath))
                {
                    Directory.Delete(work.UploadPath, recursive: true);
                }
            }
        }
    }

    private async Task RunAsync(Work work, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(work.OrganizationId, null, ActorKind.System);
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        var job = await db.ScanJobs.SingleAsync(j => j.Id == work.JobId, stoppingToken);
        var live = _live[work.JobId];
        if (live.Cancel.IsCancellationRequested)
        {
            ScanJobs.Cancel(db, job);
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        job.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(stoppingToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, live.Cancel.Token);
        var samples = new List<ScanJobSample>();
        var perType = new Dictionary<IdentifierType, int>();
        var options = new ScanOptions { Today = KoreanTime.Today(clock), MaskValues = true, RevealValues = false };
        try
        {
            var summary = await new DataScanner(options).ScanAsync(
                [work.Input],
                finding =>
                {
                    var taken = perType.GetValueOrDefault(finding.Type);
                    if (taken < ScanJobResult.SamplesPerType)
                    {
                        perType[finding.Type] = taken + 1;
                        samples.Add(new ScanJobSample(finding.Path, finding.Line, finding.Type.Name(), finding.Confidence.Name(), finding.MaskedValue ?? ""));
                    }
                },
                new LiveProgress(live),
                stop.Token);
            ScanJobs.Complete(db, job, ResultOf(job.Source, summary, samples));
            await db.SaveChangesAsync(CancellationToken.None);
            LogCompleted(logger, job.Id, summary.Findings, summary.Files.Count);
        }
        catch (OperationCanceledException) when (live.Cancel.IsCancellationRequested)
        {
            ScanJobs.Cancel(db, job);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception type only: messages of parsers can quote file content.
            LogFailed(logger, e.GetType().Name, job.Id);
            ScanJobs.Fail(db, job, $"스캔을 실행하지 못했습니다 ({e.GetType().Name}).");
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    internal static ScanJobResult ResultOf(string source, ScanSummary summary, IReadOnlyList<ScanJobSample> samples)
    {
        static Dictionary<string, long> Named(IReadOnlyDictionary<IdentifierType, long> counts) =>
            counts.Where(p => p.Value > 0).OrderBy(p => p.Key).ToDictionary(p => p.Key.Name(), p => p.Value);

        var files = summary.Files.Take(ScanJobResult.MaxFiles)
            .Select(f => new ScanJobFile(f.Path, f.Bytes, f.Findings, Named(f.FindingsByType), f.Error))
            .ToList();
        return new ScanJobResult(source, summary.Bytes, summary.Findings, Math.Round(summary.Elapsed.TotalSeconds, 3), summary.Truncated,
            Named(summary.FindingsByType), files, Math.Max(0, summary.Files.Count - ScanJobResult.MaxFiles), samples);
    }

    /// <summary>Attaches a completed job's result document to a cloud-use case as versioned evidence with its SHA-256.</summary>
    public static async Task<(EvidenceDto? Evidence, string? Error)> AttachToCaseAsync(
        FinCloudDbContext db, EvidenceStore store, Guid jobId, Guid caseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var job = await db.ScanJobs.SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is not { Status: ScanJobStatus.Completed, ResultDocument: { } document } || !await db.CloudUseCases.AnyAsync(c => c.Id == caseId, ct))
        {
            return (null, "스캔 결과나 클라우드 이용 건을 찾을 수 없습니다.");
        }

        // Stored as text: the evidence store keeps text, and its hash is the job's result hash.
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(document), writable: false);
        var stored = await EvidenceApi.UploadAsync(db, store, caseId, null, $"데이터 스캔 결과 {job.CreatedAt:yyyy-MM-dd} ({job.Id.ToString("N")[..8]})",
            $"scan-result-{job.Id:N}.txt", content, ct);
        if (!stored.IsOk)
        {
            return (null, stored.Failure);
        }

        ScanJobs.RecordAttachedToCase(db, job, caseId, stored.Value!.Id);
        await db.SaveChangesAsync(ct);
        return (stored.Value, null);
    }

    private sealed class LiveProgress(Live live) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => live.Progress = value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan job {JobId} completed: {Findings} findings in {Files} files")]
    private static partial void LogCompleted(ILogger logger, Guid jobId, long findings, int files);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scan job {JobId} failed with {ErrorType}")]
    private static partial void LogFailed(ILogger logger, string errorType, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scan job {JobId} could not be run")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId);
}
