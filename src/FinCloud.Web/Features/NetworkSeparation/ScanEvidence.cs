using System.Security.Cryptography;
using FinCloud.Core;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Rules;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Scanner;

namespace FinCloud.Web.Features.NetworkSeparation;

/// <summary>
/// Runs the scanner over a data set bound for an exemption and records the result as data-scope evidence: counts
/// per type and the content's SHA-256, never the values (findings keep hashes only).
/// </summary>
public static class ScanEvidence
{
    /// <summary>The scanner's summary as counts per finding type, in the contract's names.</summary>
    public static List<FindingCount> CountsFrom(ScanSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.FindingsByType.Where(p => p.Value > 0).Select(p => new FindingCount(p.Key.Name(), p.Value)).ToList();
    }

    /// <summary>Scans <paramref name="content"/> (named <paramref name="fileName"/>, whose extension picks CSV, XLSX or ZIP handling) and records it.</summary>
    public static async Task<(DataScopeScan Scan, List<DataScopeFinding> Findings)?> ScanAndRecordAsync(
        FinCloudDbContext db, Guid dataSetId, string fileName, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(content);
        var scanner = new DataScanner(new ScanOptions { Today = KoreanTime.Today(db.Clock) });
        var summary = await scanner.ScanAsync([ScanInput.FromStream(fileName, () => new MemoryStream(content, writable: false))], ct: ct);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        return await DataSets.RecordScanAsync(db, dataSetId, sha256, CountsFrom(summary), ct);
    }
}
