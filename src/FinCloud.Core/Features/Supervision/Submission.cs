using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;
using FinCloud.Rules;

namespace FinCloud.Core.Features.Supervision;

/// <summary>What an institution submitted; cloud-use reports today, incidents and exceptions by the same path later.</summary>
public enum SubmissionKind
{
    /// <summary>클라우드 이용 보고.</summary>
    CloudUseReport = 1,

    /// <summary>전자금융사고 보고.</summary>
    IncidentReport = 2,

    /// <summary>망분리 예외 보고.</summary>
    ExceptionReport = 3,
}

/// <summary>접수 상태 in the FSS inbox.</summary>
public enum SubmissionStatus
{
    /// <summary>접수.</summary>
    Received = 1,

    /// <summary>검토 중.</summary>
    UnderReview = 2,

    /// <summary>보완요청.</summary>
    SupplementationRequested = 3,

    /// <summary>수리 (accepted).</summary>
    Accepted = 4,
}

/// <summary>How the submission reached the FSS.</summary>
public enum SubmissionChannel
{
    /// <summary>The institution shares it in the same installation (audited on both sides).</summary>
    SameInstallation = 1,

    /// <summary>A signed exchange bundle imported from another installation.</summary>
    ExchangeBundle = 2,
}

/// <summary>
/// 보고 접수 건: one submission in the FSS inbox, owned by the FSS. It copies what the institution sent (names, dates,
/// the package hash and JSON), so the FSS never reads the institution's rows to work on it.
/// </summary>
public sealed class Submission : ITenantOwned
{
    private Submission()
    {
    }

    public Guid Id { get; private init; }

    /// <summary>The supervisor that owns the inbox entry.</summary>
    public Guid OrganizationId { get; set; }

    public SubmissionKind Kind { get; private init; }

    public SubmissionChannel Channel { get; private init; }

    public string InstitutionName { get; private init; } = "";

    public InstitutionSector? Sector { get; private init; }

    /// <summary>The institution's organisation id when it is in this installation; null for an imported bundle.</summary>
    public Guid? SourceOrganizationId { get; private init; }

    /// <summary>The institution's record (its report package id), as the institution names it.</summary>
    public Guid SourceRecordId { get; private init; }

    /// <summary>The exchange bundle id the report arrived in (replies name it); null in the same installation.</summary>
    public Guid? BundleId { get; private init; }

    public string Title { get; private init; } = "";

    public string TaskKey { get; private init; } = "";

    /// <summary>보고 기한 from the institution's case.</summary>
    public DateOnly? DueOn { get; private init; }

    public string DueComputation { get; private init; } = "";

    public DateTimeOffset SubmittedAt { get; private init; }

    public DateTimeOffset ReceivedAt { get; private init; }

    public string PackageSha256 { get; private init; } = "";

    /// <summary>The CSP and service of the workload, its regions (comma separated) and whether the work is material (중요업무).</summary>
    public string CspName { get; private init; } = "";

    public string ServiceName { get; private init; } = "";

    public string Regions { get; private init; } = "";

    public bool IsMaterial { get; private init; }

    /// <summary>The case and decision JSON the institution sent.</summary>
    public string PayloadJson { get; private init; } = "";

    public SubmissionStatus Status { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Days between the due date and the submission day (KST); 0 when on time or without a due date.</summary>
    public int DaysLate => DaysLateOf(DueOn, SubmittedAt);

    /// <summary>Days between <paramref name="dueOn"/> and the day (KST) of <paramref name="submittedAt"/>; 0 when on time.</summary>
    public static int DaysLateOf(DateOnly? dueOn, DateTimeOffset submittedAt) =>
        dueOn is { } due && KoreanTime.ToKoreanDate(submittedAt) is var day && day > due ? day.DayNumber - due.DayNumber : 0;

    public bool IsLate => DaysLate > 0;

    public static Submission Receive(
        SubmissionKind kind, SubmissionChannel channel, string institutionName, InstitutionSector? sector, Guid? sourceOrganizationId,
        Guid sourceRecordId, Guid? bundleId, string title, string taskKey, DateOnly? dueOn, string dueComputation,
        DateTimeOffset submittedAt, string packageSha256, string payloadJson, ReportedWorkload workload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return
        new()
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Channel = channel,
            InstitutionName = institutionName,
            Sector = sector,
            SourceOrganizationId = sourceOrganizationId,
            SourceRecordId = sourceRecordId,
            BundleId = bundleId,
            Title = title,
            TaskKey = taskKey,
            DueOn = dueOn,
            DueComputation = dueComputation,
            SubmittedAt = submittedAt,
            ReceivedAt = now,
            PackageSha256 = packageSha256,
            PayloadJson = payloadJson,
            CspName = workload.CspName,
            ServiceName = workload.ServiceName,
            Regions = workload.Regions,
            IsMaterial = workload.IsMaterial,
            Status = SubmissionStatus.Received,
        };
    }

    /// <summary>Moves the case on; an accepted submission is closed.</summary>
    public void MoveTo(SubmissionStatus next, DateTimeOffset now)
    {
        if (Status == SubmissionStatus.Accepted)
        {
            throw new InvalidOperationException("An accepted submission is closed.");
        }

        Status = next;
        DecidedAt = next == SubmissionStatus.Accepted ? now : null;
    }
}

/// <summary>The reported workload: CSP, service, regions and materiality, for the sector risk view.</summary>
public sealed record ReportedWorkload(string CspName, string ServiceName, string Regions, bool IsMaterial);

/// <summary>보완요청 스레드의 메시지: the FSS's request or the institution's answer.</summary>
public sealed class SubmissionMessage : ITenantOwned
{
    private SubmissionMessage()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid SubmissionId { get; private init; }

    /// <summary>True when the supervisor wrote it; false for the institution's answer.</summary>
    public bool FromSupervisor { get; private init; }

    public string Text { get; private init; } = "";

    /// <summary>회신 기한 the supervisor set for a request.</summary>
    public DateOnly? RespondBy { get; private init; }

    public Guid? AuthorId { get; private init; }

    public DateTimeOffset At { get; private init; }

    public static SubmissionMessage Write(Guid submissionId, bool fromSupervisor, string text, DateOnly? respondBy, Guid? author, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), SubmissionId = submissionId, FromSupervisor = fromSupervisor, Text = text.Trim(), RespondBy = respondBy, AuthorId = author, At = now };
}
