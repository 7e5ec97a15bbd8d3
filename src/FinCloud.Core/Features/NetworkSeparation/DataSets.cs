using FinCloud.Core.Audit;
using FinCloud.Rules.NetworkSeparation;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.NetworkSeparation;

/// <summary>
/// Data-scope proof: data sets bound for an exemption's SaaS, their scans as evidence, and the findings that block
/// approval while excluded data (ED-21) is present.
/// </summary>
public static class DataSets
{
    public static async Task<ExemptionDataSet?> AddAsync(FinCloudDbContext db, Guid exemptionId, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.SeparationExemptions.AnyAsync(e => e.Id == exemptionId, ct))
        {
            return null;
        }

        var dataSet = ExemptionDataSet.Add(exemptionId, name, db.Clock.GetUtcNow());
        db.ExemptionDataSets.Add(dataSet);
        db.Audit(AuditEventType.DataSetAdded, nameof(ExemptionDataSet), dataSet.Id, after: $"exemption={exemptionId}");
        await db.SaveChangesAsync(ct);
        return dataSet;
    }

    /// <summary>
    /// Records a scan by finding type and count (what the scanner reports, never values) and raises a finding for
    /// each type in an excluded category of the exemption.
    /// </summary>
    public static async Task<(DataScopeScan Scan, List<DataScopeFinding> Findings)?> RecordScanAsync(
        FinCloudDbContext db, Guid dataSetId, string contentSha256, IReadOnlyList<FindingCount> counts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dataSet = await db.ExemptionDataSets.SingleOrDefaultAsync(d => d.Id == dataSetId, ct);
        if (dataSet is null)
        {
            return null;
        }

        var exemption = await db.SeparationExemptions.AsNoTracking().SingleAsync(e => e.Id == dataSet.ExemptionId, ct);
        var now = db.Clock.GetUtcNow();
        var scan = DataScopeScan.Record(dataSetId, contentSha256, counts, now);
        db.DataScopeScans.Add(scan);
        var findings = DataScopeRule.Check(exemption.ExcludedData, counts).Select(v => DataScopeFinding.Raise(dataSetId, scan.Id, v, now)).ToList();
        db.DataScopeFindings.AddRange(findings);
        var before = dataSet.Status;
        var stillOpen = await db.DataScopeFindings.AnyAsync(f => f.DataSetId == dataSetId && f.ResolvedAt == null, ct);
        dataSet.ApplyScan(findings.Count > 0 || stillOpen);
        db.Audit(AuditEventType.DataScopeScanRecorded, nameof(ExemptionDataSet), dataSetId, before: before.ToString(),
            after: $"{dataSet.Status}; scan={scan.Id}; counts={scan.FindingCounts}; findings={findings.Count}");
        await db.SaveChangesAsync(ct);
        return (scan, findings);
    }

    public static async Task<DataScopeFinding?> ResolveFindingAsync(FinCloudDbContext db, Guid findingId, string resolution, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var finding = await db.DataScopeFindings.SingleOrDefaultAsync(f => f.Id == findingId, ct);
        if (finding is null)
        {
            return null;
        }

        if (finding.IsOpen)
        {
            finding.Resolve(resolution, db.Clock.GetUtcNow());
            db.Audit(AuditEventType.DataScopeFindingResolved, nameof(ExemptionDataSet), finding.DataSetId, after: $"finding={finding.Id}; type={finding.FindingType}");
            await db.SaveChangesAsync(ct);
        }

        return finding;
    }

    /// <summary>Approves the data set, or says why not (no scan, or open findings).</summary>
    public static async Task<(ExemptionDataSet? DataSet, string? Refusal)> ApproveAsync(FinCloudDbContext db, Guid dataSetId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dataSet = await db.ExemptionDataSets.SingleOrDefaultAsync(d => d.Id == dataSetId, ct);
        if (dataSet is null)
        {
            return (null, null);
        }

        var hasScan = await db.DataScopeScans.AnyAsync(s => s.DataSetId == dataSetId, ct);
        var open = await db.DataScopeFindings.AnyAsync(f => f.DataSetId == dataSetId && f.ResolvedAt == null, ct);
        var before = dataSet.Status;
        var refusal = dataSet.Approve(hasScan, open, db.Tenant.ActorId, db.Clock.GetUtcNow());
        db.Audit(refusal is null ? AuditEventType.DataSetApproved : AuditEventType.DataSetApprovalRefused, nameof(ExemptionDataSet), dataSetId,
            before: before.ToString(), after: refusal is null ? "Approved" : $"{dataSet.Status}; {(hasScan ? "open-findings" : "no-scan")}");
        await db.SaveChangesAsync(ct);
        return (dataSet, refusal);
    }
}
