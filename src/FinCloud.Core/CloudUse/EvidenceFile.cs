using FinCloud.Core.Tenancy;

namespace FinCloud.Core.CloudUse;

/// <summary>증빙 파일: one version of one evidence document of a case, with its SHA-256.</summary>
public sealed class EvidenceFile : ITenantOwned
{
    private EvidenceFile()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; private init; }

    public Guid? TaskId { get; private init; }

    /// <summary>The document's name; uploading again under the same name makes a new version.</summary>
    public string Label { get; private init; } = "";

    public int Version { get; private init; }

    public string FileName { get; private init; } = "";

    public string ContentType { get; private init; } = "";

    public long SizeBytes { get; private init; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public string Sha256 { get; private init; } = "";

    /// <summary>Path under the evidence store, relative, never shown to users.</summary>
    public string StorageKey { get; private init; } = "";

    public Guid? UploadedBy { get; private init; }

    /// <summary>기준일: the day the document speaks to (a test performed, a contract signed), which is not the upload day.</summary>
    public DateOnly? EffectiveOn { get; private init; }

    /// <summary>유효기한: the last day the document holds (a certificate, a yearly test report); null when it does not expire.</summary>
    public DateOnly? ValidUntil { get; private init; }

    public DateTimeOffset UploadedAt { get; private init; }

    public bool CanPreview => ContentType is "application/pdf" or "image/png" or "image/jpeg";

    /// <summary>검토: the outcome of the second person's review (four eyes: never the uploader); null until reviewed.</summary>
    public EvidenceReview? Review { get; private set; }

    public Guid? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>What the reviewer wrote; required when the document needs rework.</summary>
    public string? ReviewNote { get; private set; }

    public const int MaxReviewNoteLength = 500;

    /// <summary>Records a review. The caller has checked that the reviewer did not upload it and that it is the newest version.</summary>
    public void Reviewed(EvidenceReview outcome, string? note, Guid? by, DateTimeOffset now)
    {
        Review = outcome;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReviewedBy = by;
        ReviewedAt = now;
    }

    /// <summary>Evidence this close to its 유효기한 shows as 만료 임박 (and the deadline board reminds 30, 7 and 1 days before).</summary>
    public const int ExpiringWithinDays = 30;

    /// <summary>Null when the dates fit together; otherwise why not (in Korean, as shown to the uploader).</summary>
    public static string? DatesProblem(DateOnly? effectiveOn, DateOnly? validUntil) =>
        effectiveOn is { } from && validUntil is { } until && until < from ? "유효기한은 기준일과 같거나 그 뒤여야 합니다." : null;

    public static EvidenceValidity ValidityOn(DateOnly? validUntil, DateOnly today) => validUntil switch
    {
        null => EvidenceValidity.Open,
        { } until when until < today => EvidenceValidity.Expired,
        { } until when until.DayNumber - today.DayNumber <= ExpiringWithinDays => EvidenceValidity.ExpiringSoon,
        _ => EvidenceValidity.Valid,
    };

    public static EvidenceFile Record(Guid id, Guid caseId, Guid? taskId, string label, int version, string fileName, string contentType, long size, string sha256, string storageKey, Guid? by, DateTimeOffset now,
        DateOnly? effectiveOn = null, DateOnly? validUntil = null) =>
        new()
        {
            Id = id,
            CaseId = caseId,
            TaskId = taskId,
            Label = label.Trim(),
            Version = version,
            FileName = fileName,
            ContentType = contentType,
            SizeBytes = size,
            Sha256 = sha256,
            StorageKey = storageKey,
            UploadedBy = by,
            UploadedAt = now,
            EffectiveOn = effectiveOn,
            ValidUntil = validUntil,
        };
}

/// <summary>검토 결과.</summary>
public enum EvidenceReview
{
    /// <summary>적정: the document shows what it should.</summary>
    Accepted,

    /// <summary>보완 필요: a new version is needed (the note says why).</summary>
    NeedsRework,
}

/// <summary>Where a piece of evidence stands against its 유효기한.</summary>
public enum EvidenceValidity
{
    /// <summary>No 유효기한 given: it does not expire.</summary>
    Open,
    Valid,

    /// <summary>Within <see cref="EvidenceFile.ExpiringWithinDays"/> days of its last valid day.</summary>
    ExpiringSoon,
    Expired,
}
