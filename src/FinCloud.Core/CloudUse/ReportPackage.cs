using FinCloud.Core.Tenancy;

namespace FinCloud.Core.CloudUse;

/// <summary>금융감독원 보고 패키지: the files of one report of one case version, with the manifest's SHA-256.</summary>
public sealed class ReportPackage : ITenantOwned
{
    private ReportPackage()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; private init; }

    public int CaseVersion { get; private init; }

    /// <summary>The report task this package answers (e.g. <c>supervisor-report:new-contract</c>).</summary>
    public string TaskKey { get; private init; } = "";

    public DateOnly? DueBy { get; private init; }

    /// <summary>How the due date was computed, in Korean.</summary>
    public string DueComputation { get; private init; } = "";

    /// <summary>SHA-256 of the package's zip.</summary>
    public string Sha256 { get; private init; } = "";

    public string ManifestSha256 { get; private init; } = "";

    public long SizeBytes { get; private init; }

    public string StorageKey { get; private init; } = "";

    public DateTimeOffset CreatedAt { get; private init; }

    public ReportPackageState State { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public Guid? SubmittedBy { get; private set; }

    /// <summary>제출 경로: how it reached the FSS (e.g. the FSS reporting system); null until submitted.</summary>
    public string? Channel { get; private set; }

    public static ReportPackage Create(Guid id, Guid caseId, int version, string taskKey, DateOnly? dueBy, string computation, string sha256, string manifestSha256, long size, string storageKey, DateTimeOffset now) =>
        new()
        {
            Id = id,
            CaseId = caseId,
            CaseVersion = version,
            TaskKey = taskKey,
            DueBy = dueBy,
            DueComputation = computation,
            Sha256 = sha256,
            ManifestSha256 = manifestSha256,
            SizeBytes = size,
            StorageKey = storageKey,
            CreatedAt = now,
            State = ReportPackageState.Generated,
        };

    public void Submit(string channel, Guid? by, DateTimeOffset now)
    {
        if (State == ReportPackageState.Submitted)
        {
            throw new InvalidOperationException("The package was already submitted.");
        }

        State = ReportPackageState.Submitted;
        Channel = channel;
        SubmittedBy = by;
        SubmittedAt = now;
    }
}

public enum ReportPackageState
{
    Generated = 1,
    Submitted = 2,
}
