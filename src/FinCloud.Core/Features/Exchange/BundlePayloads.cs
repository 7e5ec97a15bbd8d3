using System.Text.Json;
using FinCloud.Core.Organizations;

namespace FinCloud.Core.Features.Exchange;

/// <summary><c>payload.json</c> of a <see cref="BundleKind.CloudUseReport"/> bundle: the report package as the institution submits it.</summary>
public sealed record ReportPayload(
    string InstitutionName,
    string InstitutionNameEn,
    InstitutionSector? Sector,
    Guid PackageId,
    Guid CaseId,
    int CaseVersion,
    string Title,
    string TaskKey,
    DateOnly? DueBy,
    string DueComputation,
    string PackageSha256,
    DateTimeOffset SubmittedAt,
    string CspName,
    string ServiceName,
    string Regions,
    bool DataInKorea,
    bool IsMaterial,
    JsonElement Case);

/// <summary><c>payload.json</c> of a <see cref="BundleKind.SupplementationRequest"/> bundle: the FSS's request about one report.</summary>
public sealed record SupplementationPayload(
    string SupervisorName,
    Guid SubmissionId,
    Guid MessageId,
    Guid PackageId,
    string Title,
    string Message,
    DateOnly? RespondBy);
