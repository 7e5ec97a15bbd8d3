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

    public DateTimeOffset UploadedAt { get; private init; }

    public bool CanPreview => ContentType is "application/pdf" or "image/png" or "image/jpeg";

    public static EvidenceFile Record(Guid id, Guid caseId, Guid? taskId, string label, int version, string fileName, string contentType, long size, string sha256, string storageKey, Guid? by, DateTimeOffset now) =>
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
        };
}
