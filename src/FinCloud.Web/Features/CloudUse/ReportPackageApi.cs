using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinCloud.Core;
using FinCloud.Core.Persistence;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Documents;
using FinCloud.Rules.CloudUse;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.CloudUse;

public sealed record SubmitPackageRequest([property: Required, StringLength(100, MinimumLength = 2)] string Channel);

public sealed record ReportPackageDto(Guid Id, int CaseVersion, string TaskKey, DateOnly? DueBy, string DueComputation, string Sha256, string ManifestSha256, long SizeBytes, ReportPackageState State, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, string? Channel)
{
    public static ReportPackageDto From(ReportPackage p) =>
        new(p.Id, p.CaseVersion, p.TaskKey, p.DueBy, p.DueComputation, p.Sha256, p.ManifestSha256, p.SizeBytes, p.State, p.CreatedAt, p.SubmittedAt, p.Channel);
}

/// <summary>
/// 금융감독원 보고 패키지: a Korean DOCX and PDF report, an XLSX annex, the case and decision as JSON, and a manifest with the
/// SHA-256 of every file, in one ZIP. Only for a case whose decision requires a report and whose current version the committee approved.
/// </summary>
public static class ReportPackageApi
{
    public const string FileNames = "report.docx, report.pdf, annex.xlsx, case.json, manifest.json, SHA256SUMS";

    public static RouteGroupBuilder MapReportPackageEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("cases/{caseId:guid}/report-packages", ListAsync);
        group.MapPost("cases/{caseId:guid}/report-packages", GenerateAsync).RequireAuthorization(Policies.Editor);
        group.MapGet("cases/{caseId:guid}/report-packages/{packageId:guid}/content", DownloadAsync);
        group.MapPost("cases/{caseId:guid}/report-packages/{packageId:guid}/submission", SubmitAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new SubmitPackageRequest("금융감독원 보고서 제출 시스템"));
        return group;
    }

    public static async Task<Results<Ok<List<ReportPackageDto>>, NotFound>> ListAsync(Guid caseId, FinCloudDbContext db, CancellationToken ct)
    {
        if (!await db.CloudUseCases.AnyAsync(c => c.Id == caseId, ct))
        {
            return TypedResults.NotFound();
        }

        var list = await db.ReportPackages.AsNoTracking().Where(p => p.CaseId == caseId).OrderByDescending(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ReportPackageDto.From).ToList());
    }

    /// <summary>The report the package answers: the earliest open report task of the current plan.</summary>
    public static CloudUseTaskItem? ReportTask(CloudUseCase c) =>
        c.Tasks.Where(t => t.IsReport && t.Status is not (TaskState.Obsolete or TaskState.Done))
            .OrderBy(t => t.DueBy is null).ThenBy(t => t.DueBy).FirstOrDefault();

    public static async Task<Results<Created<ReportPackageDto>, NotFound, Conflict<string>>> GenerateAsync(Guid caseId, FinCloudDbContext db, EvidenceStore store, CancellationToken ct)
    {
        var c = await CloudUseApi.LoadAsync(db, caseId, ct);
        if (c is null)
        {
            return TypedResults.NotFound();
        }

        if (c.ReportKind == SupervisorReportKind.None || ReportTask(c) is not { } task)
        {
            return TypedResults.Conflict("no-report-required");
        }

        if (!c.IsApprovalCurrent)
        {
            return TypedResults.Conflict("not-approved");
        }

        var now = db.Clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var content = await ContentAsync(db, c, task, ct);
        var bundle = new ReportBundle($"{c.Title} 금융감독원 보고 (v{c.CurrentVersion})")
            .Add("report.docx", DocxReportWriter.ToBytes(content.Report))
            .Add("report.pdf", PdfReportWriter.ToBytes(content.Report))
            .Add("annex.xlsx", XlsxWriter.ToBytes(content.Sheets))
            .AddText("case.json", content.Json);
        var zip = bundle.ToZipBytes(now);
        var manifest = bundle.Manifest(now);
        var manifestSha = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(manifest)));
        var key = Path.Combine("packages", db.Tenant.RequireOrganization().ToString("N"), c.Id.ToString("N"), id.ToString("N") + ".zip");
        var path = store.PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, zip, ct);
        try
        {
            await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
            var package = ReportPackage.Create(id, c.Id, c.CurrentVersion, task.Key, task.DueBy, content.DueComputation,
                Convert.ToHexStringLower(SHA256.HashData(zip)), manifestSha, zip.LongLength, key, now);
            db.ReportPackages.Add(package);
            db.Audit(AuditEventType.ReportPackageGenerated, nameof(ReportPackage), package.Id,
                after: $"case={c.Id}; version={c.CurrentVersion}; task={task.Key}; sha256={package.Sha256}");
            await db.SaveChangesAsync(ct);
            File.Move(temp, path);
            await transaction.CommitAsync(ct);
            return TypedResults.Created($"/api/cloud-use/cases/{c.Id}/report-packages/{package.Id}", ReportPackageDto.From(package));
        }
        catch
        {
            File.Delete(temp);
            File.Delete(path);
            throw;
        }
    }

    public sealed record PackageContent(ReportDocument Report, IReadOnlyList<XlsxSheet> Sheets, string Json, string DueComputation);

    /// <summary>What the package says: the same facts in the report, the annex and the JSON.</summary>
    public static async Task<PackageContent> ContentAsync(FinCloudDbContext db, CloudUseCase c, CloudUseTaskItem task, CancellationToken ct)
    {
        var version = c.Current;
        var scenario = version.Scenario;
        var decision = CloudUseRules.Evaluate(scenario);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == c.OrganizationId, ct);
        var service = await db.CloudServices.AsNoTracking().SingleAsync(s => s.Id == c.ServiceId, ct);
        var evidence = await db.EvidenceFiles.AsNoTracking().Where(f => f.CaseId == c.Id).OrderBy(f => f.Label).ThenBy(f => f.Version).ToListAsync(ct);
        var evaluation = await WorkFormsApi.EvaluationFormAsync(db, c.Id, ct);
        var resolution = await db.AgendaItems.AsNoTracking()
            .Where(a => a.SubjectKind == AgendaSubjectKind.CloudUseCase && a.SubjectId == c.Id && a.SubjectVersion == c.CurrentVersion && a.Outcome == ResolutionOutcome.Approved)
            .FirstOrDefaultAsync(ct);
        var forms = await db.WorkForms.AsNoTracking().Where(f => f.CaseId == c.Id).ToListAsync(ct);
        var due = task.DueBy is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "미정";
        var computation = $"{task.TitleKo}: {task.Note ?? "기한 규정 없음"}";
        var explanation = DecisionExplainer.Explain(scenario, decision);
        var reportSection = string.Join('\n', explanation.Split('\n').SkipWhile(l => !l.StartsWith("4. ", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("5. ", StringComparison.Ordinal)).Where(l => l.Length > 0));
        var inv = CultureInfo.InvariantCulture;

        var report = new ReportBuilder("클라우드컴퓨팅서비스 이용 보고서")
            .Subtitle($"{organization.NameKo} · 전자금융감독규정 제14조의2")
            .Fields(
                ("이용 건", c.Title),
                ("보고 구분", Korean.Report(c.ReportKind)),
                ("보고 기한", due),
                ("기한 계산", computation),
                ("CSP / 서비스", $"{scenario.Csp.Name} / {service.Name} ({Korean.Model(service.ServiceModel)})"),
                ("리전 / 국내 소재", $"{service.Regions} / {(service.DataInKorea ? "국내" : "국외 포함")}"),
                ("업무 중요도", c.IsMaterial ? $"중요업무 ({string.Join(", ", decision.Materiality.Reasons.Select(Korean.Reason))})" : "비중요업무"),
                ("계약 체결일", scenario.Contract.SignedOn?.ToString("yyyy-MM-dd", inv) ?? "미정"),
                ("이용 개시일", scenario.Contract.UsageStartOn?.ToString("yyyy-MM-dd", inv) ?? "미정"),
                ("판단 버전", $"v{version.Number} · 규정 {version.RegimeId} · 달력 {version.CalendarVersion}"),
                ("정보보호위원회 의결", resolution is null ? "없음" : $"{resolution.Title} — {resolution.ResolutionText} ({resolution.ResolvedAt?.ToOffset(Rules.KoreanTime.Offset):yyyy-MM-dd})"))
            .Heading("1. 보고 기한과 계산")
            .Paragraph(reportSection)
            .Heading("2. 근거 조항")
            .Paragraph(string.Join('\n', decision.Citations))
            .Heading("3. 이용 절차 이행 현황")
            .Table(["단계", "요구 수준", "상태", "근거"],
                c.Tasks.Where(t => t.Status != TaskState.Obsolete).OrderBy(t => t.Order)
                    .Select(t => (IReadOnlyList<string>)[t.TitleKo, Korean.Requirement(t.Requirement), StatusKo(t.Status), t.Citation]))
            .Heading("4. CSP 건전성·안전성 평가")
            .Paragraph(evaluation is null ? "평가 없음"
                : evaluation.FsiResultReused ? "금융보안원 평가 결과(적합)를 활용함"
                : string.Create(inv, $"평가 범위 {evaluation.InScope}개, 인증으로 갈음 {evaluation.ExemptedByCertificate}개, 기관 평가 {evaluation.Marked}/{evaluation.Remaining}개 완료, 미충족 {evaluation.Items.Count(i => i.Outcome == ItemOutcome.NotMet)}개 (세부 내역은 별첨 XLSX)"))
            .Heading("5. 작성 서식")
            .Table(["서식", "서식 구분", "작성 완료"],
                forms.OrderBy(f => f.Kind).Select(f => (IReadOnlyList<string>)[FormKo(f.Kind), f.Relaxed ? "완화(△)" : "전체", f.Completed ? "완료" : "작성 중"]))
            .Heading("6. 증빙 목록")
            .Table(["번호", "증빙", "버전", "기준일", "유효기한", "파일", "크기(바이트)"],
                evidence.Select((f, i) => (IReadOnlyList<string>)[(i + 1).ToString(inv), f.Label, "v" + f.Version.ToString(inv),
                    f.EffectiveOn?.ToString("yyyy-MM-dd", inv) ?? "", f.ValidUntil?.ToString("yyyy-MM-dd", inv) ?? "", f.FileName, f.SizeBytes.ToString(inv)]))
            .Heading("7. 증빙 SHA-256")
            // One hash per line, never wrapped inside a table cell, so a reader can compare it character by character.
            .Paragraph(evidence.Count == 0 ? "없음" : string.Join('\n', evidence.Select((f, i) => string.Create(inv, $"{i + 1}. {f.Sha256}"))))
            .Build();

        XlsxSheet[] sheets =
        [
            new("평가항목", ["ID", "영역", "구분", "평가항목", "인증 갈음", "결과", "비고", "보완 기한"],
                (evaluation?.Items ?? []).Select(i => (IReadOnlyList<object?>)[i.Id, i.Domain, i.Class.ToString(), i.Text, i.CoveredByCertificate, i.Outcome is { } o ? OutcomeKo(o) : (evaluation!.FsiResultReused ? "금융보안원 결과 활용" : null), i.Note, i.RemediationDue?.ToString("yyyy-MM-dd", inv)])),
            new("증빙 목록", ["증빙", "버전", "기준일", "유효기한", "파일", "형식", "크기(바이트)", "SHA-256", "업로드(UTC)", "검토"],
                evidence.Select(f => (IReadOnlyList<object?>)[f.Label, f.Version, f.EffectiveOn?.ToString("yyyy-MM-dd", inv), f.ValidUntil?.ToString("yyyy-MM-dd", inv),
                    f.FileName, f.ContentType, f.SizeBytes, f.Sha256, f.UploadedAt.ToString("yyyy-MM-dd HH:mm:ss", inv),
                    f.Review switch { EvidenceReview.Accepted => "적정", EvidenceReview.NeedsRework => "보완 필요", _ => "검토 전" }])),
            new("절차 과제", ["키", "단계", "요구 수준", "기한", "상태", "근거"],
                c.Tasks.OrderBy(t => t.Order).Select(t => (IReadOnlyList<object?>)[t.Key, t.TitleKo, Korean.Requirement(t.Requirement), t.DueBy?.ToString("yyyy-MM-dd", inv), StatusKo(t.Status), t.Citation])),
        ];

        var json = new JsonObject
        {
            ["case"] = new JsonObject
            {
                ["id"] = c.Id.ToString(),
                ["title"] = c.Title,
                ["version"] = version.Number,
                ["approvedVersion"] = c.ApprovedVersion,
                ["reportTask"] = task.Key,
                ["dueBy"] = task.DueBy?.ToString("yyyy-MM-dd", inv),
                ["dueComputation"] = computation,
            },
            ["scenario"] = JsonNode.Parse(version.ScenarioJson),
            ["decision"] = JsonNode.Parse(version.DecisionJson),
            ["evidence"] = new JsonArray([.. evidence.Select(f => (JsonNode)new JsonObject { ["label"] = f.Label, ["version"] = f.Version, ["fileName"] = f.FileName, ["sha256"] = f.Sha256, ["bytes"] = f.SizeBytes,
                ["effectiveOn"] = f.EffectiveOn?.ToString("yyyy-MM-dd", inv), ["validUntil"] = f.ValidUntil?.ToString("yyyy-MM-dd", inv),
                ["review"] = f.Review is { } r ? JsonNamingPolicy.KebabCaseLower.ConvertName(r.ToString()) : null })]),
        };
        var text = json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return new PackageContent(report, sheets, text, computation);
    }

    private static string StatusKo(TaskState s) => s switch
    {
        TaskState.Open => "시작 전",
        TaskState.InProgress => "진행 중",
        TaskState.Done => "완료",
        TaskState.Obsolete => "해당 없음",
        _ => s.ToString(),
    };

    private static string OutcomeKo(ItemOutcome o) => o switch
    {
        ItemOutcome.Met => "충족",
        ItemOutcome.NotMet => "미충족",
        ItemOutcome.NotApplicable => "해당 없음",
        _ => o.ToString(),
    };

    private static string FormKo(WorkFormKind k) => k switch
    {
        WorkFormKind.ImportanceAssessment => "업무 중요도 평가",
        WorkFormKind.BusinessContinuityPlan => "업무연속성 계획",
        WorkFormKind.SecurityMeasures => "안전성 확보조치",
        _ => k.ToString(),
    };

    public static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(Guid caseId, Guid packageId, FinCloudDbContext db, EvidenceStore store, CancellationToken ct)
    {
        var p = await db.ReportPackages.AsNoTracking().SingleOrDefaultAsync(x => x.Id == packageId && x.CaseId == caseId, ct);
        if (p is null)
        {
            return TypedResults.NotFound();
        }

        db.Audit(AuditEventType.ReportPackageDownloaded, nameof(ReportPackage), p.Id, after: $"sha256={p.Sha256}");
        await db.SaveChangesAsync(ct);
        return TypedResults.File(store.Open(p.StorageKey), "application/zip", $"fss-report-{p.CreatedAt.ToOffset(Rules.KoreanTime.Offset):yyyyMMdd}-v{p.CaseVersion}.zip");
    }

    /// <summary>
    /// 제출: records that the package reached the FSS through the named channel. Sharing with the FSS tenant goes through the
    /// audited supervisory-sharing mechanism when it exists; the package's id and hash are what it will share.
    /// </summary>
    public static async Task<Results<Ok<ReportPackageDto>, NotFound, Conflict<string>>> SubmitAsync(Guid caseId, Guid packageId, SubmitPackageRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var p = await db.ReportPackages.SingleOrDefaultAsync(x => x.Id == packageId && x.CaseId == caseId, ct);
        var c = await CloudUseApi.LoadAsync(db, caseId, ct);
        if (p is null || c is null)
        {
            return TypedResults.NotFound();
        }

        if (p.State == ReportPackageState.Submitted)
        {
            return TypedResults.Conflict("already-submitted");
        }

        var now = db.Clock.GetUtcNow();
        p.Submit(request.Channel, db.Tenant.ActorId, now);
        foreach (var t in c.Tasks.Where(t => t.Key == p.TaskKey))
        {
            t.SetStatus(TaskState.Done, now);
        }

        if (!c.Tasks.Any(t => t.IsReport && t.Status is TaskState.Open or TaskState.InProgress))
        {
            c.MarkReported(now);
        }

        db.Audit(AuditEventType.ReportPackageSubmitted, nameof(ReportPackage), p.Id, before: "generated", after: $"submitted; task={p.TaskKey}; sha256={p.Sha256}");
        // Submitting is the explicit share: an FSS organisation in this installation receives the package in its inbox.
        db.Audit(AuditEventType.SharedWithSupervisor, nameof(ReportPackage), p.Id, after: "shared with FSS");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReportPackageDto.From(p));
    }
}
