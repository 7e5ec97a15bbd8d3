using FinCloud.Core.Tenancy;
using FinCloud.Rules.NetworkSeparation;

namespace FinCloud.Core.Features.NetworkSeparation;

public enum DataSetStatus
{
    /// <summary>검토 중.</summary>
    Pending = 1,

    /// <summary>승인.</summary>
    Approved = 2,

    /// <summary>차단: a scan found excluded data; resolve the findings first.</summary>
    Blocked = 3,
}

/// <summary>A data set bound for the exemption's SaaS or R&amp;D network; approved only with clean scan evidence.</summary>
public sealed class ExemptionDataSet : ITenantOwned
{
    private ExemptionDataSet()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid ExemptionId { get; private init; }

    public string Name { get; private init; } = "";

    public DataSetStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public Guid? ApprovedBy { get; private set; }

    public static ExemptionDataSet Add(Guid exemptionId, string name, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), ExemptionId = exemptionId, Name = name.Trim(), Status = DataSetStatus.Pending, CreatedAt = now };

    /// <summary>After a scan: open findings block the data set; a clean scan lifts a block but never approves by itself.</summary>
    public void ApplyScan(bool hasOpenFindings)
    {
        if (hasOpenFindings)
        {
            Status = DataSetStatus.Blocked;
            ApprovedAt = null;
            ApprovedBy = null;
        }
        else if (Status == DataSetStatus.Blocked)
        {
            Status = DataSetStatus.Pending;
        }
    }

    /// <summary>Approval needs scan evidence and no open finding; the reason is returned when refused.</summary>
    public string? Approve(bool hasScan, bool hasOpenFindings, Guid? by, DateTimeOffset now)
    {
        if (!hasScan)
        {
            return "스캔 결과가 없어 승인할 수 없습니다";
        }

        if (hasOpenFindings)
        {
            Status = DataSetStatus.Blocked;
            return "해결되지 않은 제외 데이터 탐지 결과가 있어 승인할 수 없습니다";
        }

        Status = DataSetStatus.Approved;
        ApprovedAt = now;
        ApprovedBy = by;
        return null;
    }
}

/// <summary>
/// One scan of a data set, kept as evidence: counts per finding type and the hash of the scanned content, never
/// the values. A scan job can attach the scanner's result here by type and count.
/// </summary>
public sealed class DataScopeScan : ITenantOwned
{
    private DataScopeScan()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid DataSetId { get; private init; }

    public DateTimeOffset ScannedAt { get; private init; }

    /// <summary>SHA-256 of the scanned content (or of the scanner's report), so the evidence names what was scanned.</summary>
    public string ContentSha256 { get; private init; } = "";

    /// <summary>Counts per finding type as <c>rrn=3;email=10</c> (the contract's type names).</summary>
    public string FindingCounts { get; private init; } = "";

    public static DataScopeScan Record(Guid dataSetId, string contentSha256, IEnumerable<FindingCount> counts, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            DataSetId = dataSetId,
            ScannedAt = now,
            ContentSha256 = contentSha256,
            FindingCounts = string.Join(';', counts.Where(c => c.Count > 0).OrderBy(c => c.FindingType, StringComparer.Ordinal).Select(c => $"{c.FindingType}={c.Count}")),
        };

    public IReadOnlyList<FindingCount> Counts() =>
        FindingCounts.Length == 0
            ? []
            : FindingCounts.Split(';').Select(p => p.Split('=')).Select(p => new FindingCount(p[0], long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
}

/// <summary>A scan found data the exemption excludes: it blocks the data set until resolved.</summary>
public sealed class DataScopeFinding : ITenantOwned
{
    private DataScopeFinding()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid DataSetId { get; private init; }

    public Guid ScanId { get; private init; }

    /// <summary>The scanner's finding type, e.g. <c>rrn</c>.</summary>
    public string FindingType { get; private init; } = "";

    public long Count { get; private init; }

    /// <summary>The excluded categories hit, kebab-case, comma-separated.</summary>
    public string Categories { get; private init; } = "";

    public DateTimeOffset RaisedAt { get; private init; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? Resolution { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    public static DataScopeFinding Raise(Guid dataSetId, Guid scanId, DataScopeViolation violation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new()
        {
            Id = Guid.CreateVersion7(now),
            DataSetId = dataSetId,
            ScanId = scanId,
            FindingType = violation.FindingType,
            Count = violation.Count,
            RaisedAt = now,
            Categories = string.Join(',', violation.ExcludedCategories.Select(c => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(c.ToString()))),
        };
    }

    public void Resolve(string resolution, DateTimeOffset now)
    {
        Resolution = resolution.Trim();
        ResolvedAt = now;
    }
}
