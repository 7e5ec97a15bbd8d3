using System.ComponentModel.DataAnnotations;
using FinCloud.Core;
using FinCloud.Core.Persistence;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.CloudUse;

/// <param name="EffectiveOn">기준일: the day the document speaks to.</param>
/// <param name="ValidUntil">유효기한: its last valid day; null when it does not expire.</param>
/// <param name="Review">검토 결과 by someone other than the uploader; null until reviewed.</param>
public sealed record EvidenceDto(Guid Id, Guid? TaskId, string Label, int Version, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt,
    DateOnly? EffectiveOn = null, DateOnly? ValidUntil = null, Guid? UploadedBy = null, EvidenceReview? Review = null, string? ReviewNote = null, DateTimeOffset? ReviewedAt = null)
{
    public static EvidenceDto From(EvidenceFile f) =>
        new(f.Id, f.TaskId, f.Label, f.Version, f.FileName, f.ContentType, f.SizeBytes, f.Sha256, f.UploadedAt, f.EffectiveOn, f.ValidUntil, f.UploadedBy, f.Review, f.ReviewNote, f.ReviewedAt);
}

/// <param name="Note">Required for <see cref="EvidenceReview.NeedsRework"/>: what the next version must fix.</param>
public sealed record ReviewEvidenceRequest(
    [property: EnumDataType(typeof(EvidenceReview))] EvidenceReview Outcome,
    [property: StringLength(EvidenceFile.MaxReviewNoteLength)] string? Note = null);

/// <summary>증빙: versioned evidence files of a case, hashed with SHA-256, size- and type-checked.</summary>
public static class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("cases/{caseId:guid}/evidence", ListAsync);
        // Multipart form (file, label, taskId, effectiveOn, validUntil) read by the handler itself, so another organisation's case answers 404 before any upload is read.
        group.MapPost("cases/{caseId:guid}/evidence", UploadFormAsync).RequireAuthorization(Policies.Editor).DisableAntiforgery();
        group.MapGet("cases/{caseId:guid}/evidence/{evidenceId:guid}/content", DownloadAsync);
        group.MapPost("cases/{caseId:guid}/evidence/{evidenceId:guid}/review", ReviewAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new ReviewEvidenceRequest(EvidenceReview.NeedsRework, "점검 범위에 DR 리전이 빠졌습니다."))
            .WithDescription("검토 (four eyes): someone other than the uploader marks the newest version accepted or needing rework.");
        return group;
    }

    /// <summary>Downloads and previews for signed-in users (cookie), outside the API.</summary>
    public static RouteGroupBuilder MapCloudUseFiles(this IEndpointRouteBuilder routes)
    {
        var files = routes.MapGroup("/cloud-use/files").RequireAuthorization(Policies.Institution).ExcludeFromDescription();
        files.MapGet("{caseId:guid}/evidence/{evidenceId:guid}", DownloadAsync);
        files.MapGet("{caseId:guid}/packages/{packageId:guid}", ReportPackageApi.DownloadAsync);
        files.MapGet("minutes/{meetingId:guid}", CommitteeApi.MinutesAsync);
        return files;
    }

    public static async Task<Results<Ok<List<EvidenceDto>>, NotFound>> ListAsync(Guid caseId, FinCloudDbContext db, CancellationToken ct)
    {
        if (!await db.CloudUseCases.AnyAsync(c => c.Id == caseId, ct))
        {
            return TypedResults.NotFound();
        }

        var files = await db.EvidenceFiles.AsNoTracking().Where(f => f.CaseId == caseId).OrderBy(f => f.Label).ThenBy(f => f.Version).ToListAsync(ct);
        return TypedResults.Ok(files.Select(EvidenceDto.From).ToList());
    }

    public static async Task<Results<Created<EvidenceDto>, NotFound, ValidationProblem>> UploadFormAsync(Guid caseId, HttpRequest request, FinCloudDbContext db, EvidenceStore store, CancellationToken ct)
    {
        if (!await db.CloudUseCases.AnyAsync(c => c.Id == caseId, ct))
        {
            return TypedResults.NotFound();
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["multipart/form-data로 파일을 보내세요."] });
        }

        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["파일이 없습니다."] });
        }

        Guid? taskId = Guid.TryParse(form["taskId"], out var t) ? t : null;
        var label = form["label"].ToString() is { Length: > 0 } l ? l : Path.GetFileNameWithoutExtension(file.FileName);
        // 기준일 and 유효기한, each optional; a malformed one is refused naming its field.
        static (DateOnly? Date, bool Ok) ParseDate(string raw) =>
            raw.Length == 0 ? (null, true)
            : DateOnly.TryParseExact(raw, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? (d, true)
            : (null, false);
        var (effectiveOn, effectiveOk) = ParseDate(form["effectiveOn"].ToString());
        var (validUntil, validOk) = ParseDate(form["validUntil"].ToString());
        if (!effectiveOk || !validOk)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [effectiveOk ? "validUntil" : "effectiveOn"] = ["날짜는 yyyy-MM-dd 형식입니다 (예: 2026-11-30)."] });
        }

        if (EvidenceFile.DatesProblem(effectiveOn, validUntil) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["validUntil"] = [problem] });
        }

        await using var stream = file.OpenReadStream();
        var result = await UploadAsync(db, store, caseId, taskId, label, file.FileName, stream, ct, effectiveOn, validUntil);
        return result.Match<Results<Created<EvidenceDto>, NotFound, ValidationProblem>>(
            ok => TypedResults.Created($"/api/cloud-use/cases/{caseId}/evidence/{ok.Id}", ok),
            error => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error] }));
    }

    public static async Task<Results<Ok<EvidenceDto>, NotFound, ValidationProblem, Conflict<string>>> ReviewAsync(
        Guid caseId, Guid evidenceId, ReviewEvidenceRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var file = await db.EvidenceFiles.SingleOrDefaultAsync(f => f.Id == evidenceId && f.CaseId == caseId, ct);
        if (file is null)
        {
            return TypedResults.NotFound();
        }

        if (request.Outcome == EvidenceReview.NeedsRework && string.IsNullOrWhiteSpace(request.Note))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = ["보완이 필요한 까닭을 적으세요."] });
        }

        if (await db.EvidenceFiles.AnyAsync(f => f.CaseId == caseId && f.Label == file.Label && f.Version > file.Version, ct))
        {
            return TypedResults.Conflict("evidence-superseded");
        }

        if (file.UploadedBy is { } uploader && uploader == db.Tenant.ActorId)
        {
            return TypedResults.Conflict("own-evidence");
        }

        var before = file.Review?.ToString() ?? "unreviewed";
        file.Reviewed(request.Outcome, request.Note, db.Tenant.ActorId, db.Clock.GetUtcNow());
        // The note is free text: the audit event names the outcome only.
        db.Audit(AuditEventType.EvidenceReviewed, nameof(EvidenceFile), file.Id, before, $"{request.Outcome}; case={caseId}; version={file.Version}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(EvidenceDto.From(file));
    }

    /// <summary>Stores one upload: temp file and hash, then the row, the audit event and the move in one transaction.</summary>
    /// <param name="effectiveOn">기준일, when the document speaks to a day other than the upload.</param>
    /// <param name="validUntil">유효기한, when the document expires (it then appears on the deadline board).</param>
    public static async Task<Either<EvidenceDto, string>> UploadAsync(FinCloudDbContext db, EvidenceStore store, Guid caseId, Guid? taskId, string label, string fileName, Stream content, CancellationToken ct,
        DateOnly? effectiveOn = null, DateOnly? validUntil = null)
    {
        label = label.Trim();
        if (label.Length is 0 or > 200)
        {
            return Either.Error<EvidenceDto>("증빙 이름은 1~200자입니다.");
        }

        if (EvidenceFile.DatesProblem(effectiveOn, validUntil) is { } datesProblem)
        {
            return Either.Error<EvidenceDto>(datesProblem);
        }

        if (taskId is { } task && !await db.CloudUseTasks.AnyAsync(x => x.Id == task && x.CaseId == caseId, ct))
        {
            return Either.Error<EvidenceDto>("이 건의 과제가 아닙니다.");
        }

        StagedFile staged;
        try
        {
            staged = await store.StageAsync(content, fileName, ct);
        }
        catch (EvidenceRejectedException e)
        {
            return Either.Error<EvidenceDto>(e.Message);
        }

        string? key = null;
        try
        {
            var now = db.Clock.GetUtcNow();
            var id = Guid.CreateVersion7(now);
            await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
            var version = 1 + (await db.EvidenceFiles.Where(f => f.CaseId == caseId && f.Label == label).MaxAsync(f => (int?)f.Version, ct) ?? 0);
            key = store.Commit(staged, db.Tenant.RequireOrganization(), caseId, id);
            var evidence = EvidenceFile.Record(id, caseId, taskId, label, version, Path.GetFileName(fileName), staged.ContentType, staged.Size, staged.Sha256, key, db.Tenant.ActorId, now, effectiveOn, validUntil);
            db.EvidenceFiles.Add(evidence);
            var dated = (effectiveOn is { } on ? $"; effective={on:yyyy-MM-dd}" : "") + (validUntil is { } until ? $"; valid-until={until:yyyy-MM-dd}" : "");
            db.Audit(AuditEventType.EvidenceUploaded, nameof(EvidenceFile), evidence.Id, after: $"case={caseId}; version={version}; sha256={staged.Sha256}; bytes={staged.Size}{dated}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Either.Ok<EvidenceDto>(EvidenceDto.From(evidence));
        }
        catch
        {
            store.Discard(staged, key);
            throw;
        }
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(Guid caseId, Guid evidenceId, FinCloudDbContext db, EvidenceStore store, bool? inline, CancellationToken ct)
    {
        var f = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(x => x.Id == evidenceId && x.CaseId == caseId, ct);
        if (f is null)
        {
            return TypedResults.NotFound();
        }

        db.Audit(AuditEventType.EvidenceDownloaded, nameof(EvidenceFile), f.Id, after: $"sha256={f.Sha256}");
        await db.SaveChangesAsync(ct);
        // Previews only for types a browser shows safely; everything else downloads.
        var preview = inline == true && f.CanPreview;
        return TypedResults.File(store.Open(f.StorageKey), f.ContentType, preview ? null : f.FileName);
    }
}

/// <summary>A value or a user-facing error message.</summary>
public readonly record struct Either<T, TError>(T? Value, TError? Failure, bool IsOk)
{
    public TResult Match<TResult>(Func<T, TResult> ok, Func<TError, TResult> error) => IsOk ? ok(Value!) : error(Failure!);
}

public static class Either
{
    public static Either<T, string> Ok<T>(T value) => new(value, null, true);

    public static Either<T, string> Error<T>(string error) => new(default, error, false);
}
