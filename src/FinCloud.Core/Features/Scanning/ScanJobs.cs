using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Rules.NetworkSeparation;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Scanning;

/// <summary>The audited life of a scan job: queued, running, completed / failed / cancelled, attached as evidence.</summary>
public static class ScanJobs
{
    private static readonly JsonSerializerOptions DocumentJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static async Task<ScanJob> QueueAsync(FinCloudDbContext db, ScanSourceKind kind, string source, string? contentSha256, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var job = ScanJob.Queue(kind, source, contentSha256, db.Tenant.ActorId, db.Clock.GetUtcNow());
        db.ScanJobs.Add(job);
        // The source is an allowed server path or a file name chosen by the user: it names no person.
        db.Audit(AuditEventType.ScanJobQueued, nameof(ScanJob), job.Id, after: $"{kind}; sha256={contentSha256 ?? "-"}");
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>The stored form of a result: indented JSON, whose UTF-8 bytes are what the evidence hash covers.</summary>
    public static string Document(ScanJobResult result) => JsonSerializer.Serialize(result, DocumentJson);

    public static ScanJobResult? ResultOf(ScanJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.ResultDocument is null ? null : JsonSerializer.Deserialize<ScanJobResult>(job.ResultDocument, DocumentJson);
    }

    public static string Sha256(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    public static void Complete(FinCloudDbContext db, ScanJob job, ScanJobResult result)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(result);
        var document = Document(result);
        var sha256 = Sha256(document);
        job.Report(result.Files.Count + result.FilesOmitted, result.Files.Count + result.FilesOmitted, result.Bytes, result.Bytes, result.Findings);
        job.Complete(document, sha256, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.ScanJobCompleted, nameof(ScanJob), job.Id, before: "Running",
            after: $"Completed; findings={result.Findings}; files={result.Files.Count + result.FilesOmitted}; sha256={sha256}");
    }

    public static void Fail(FinCloudDbContext db, ScanJob job, string error)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(job);
        var before = job.Status;
        job.Fail(error, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.ScanJobFailed, nameof(ScanJob), job.Id, before: before.ToString(), after: "Failed");
    }

    public static void Cancel(FinCloudDbContext db, ScanJob job)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(job);
        var before = job.Status;
        job.Cancel(db.Clock.GetUtcNow());
        db.Audit(AuditEventType.ScanJobCancelled, nameof(ScanJob), job.Id, before: before.ToString(), after: "Cancelled");
    }

    /// <summary>
    /// Records a completed job's counts as the scan evidence of a 망분리 예외 data set (through the data-scope rules,
    /// which raise findings for excluded data). Null when the job or the data set is not this organisation's or the
    /// job has no result.
    /// </summary>
    public static async Task<(DataScopeScan Scan, List<DataScopeFinding> Findings)?> AttachToDataSetAsync(
        FinCloudDbContext db, Guid jobId, Guid dataSetId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var job = await db.ScanJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is not { Status: ScanJobStatus.Completed } || ResultOf(job) is not { } result ||
            !await db.ExemptionDataSets.AnyAsync(d => d.Id == dataSetId, ct))
        {
            return null;
        }

        var counts = result.CountsByType.Where(p => p.Value > 0).Select(p => new FindingCount(p.Key, p.Value)).ToList();
        // An upload is cited by its own hash; a server folder has none, so the result document's hash stands for it.
        db.Audit(AuditEventType.ScanResultAttached, nameof(ScanJob), job.Id, after: $"data-set={dataSetId}; sha256={job.ResultSha256}");
        return await DataSets.RecordScanAsync(db, dataSetId, job.ContentSha256 ?? job.ResultSha256!, counts, ct);
    }

    /// <summary>Audits that a job's result became evidence of a cloud-use case (the evidence row is written by the caller).</summary>
    public static void RecordAttachedToCase(FinCloudDbContext db, ScanJob job, Guid caseId, Guid evidenceId)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(job);
        db.Audit(AuditEventType.ScanResultAttached, nameof(ScanJob), job.Id, after: $"case={caseId}; evidence={evidenceId}; sha256={job.ResultSha256}");
    }
}
