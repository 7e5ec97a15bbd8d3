using FinCloud.Core.Deadlines;
using FinCloud.Rules.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.CloudUse;

/// <summary>
/// The cloud-use module's deadlines for the dashboard, reminders and calendar: every open task of the current
/// plan that carries a due date (the FSS report above all, with the rule that computed it), certificates
/// running out, evidence reaching its 유효기한 and periodic CSP re-evaluations.
/// </summary>
public sealed class CloudUseDeadlines : IDeadlineSource
{
    public async Task<IReadOnlyList<Deadline>> OpenDeadlinesAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Only the columns the board shows: a large institution has thousands of open steps.
        var tasks = await db.CloudUseTasks
            .Where(t => t.DueBy != null && (t.Status == TaskState.Open || t.Status == TaskState.InProgress))
            .Join(db.CloudUseCases.Where(c => c.State != CaseState.Rejected), t => t.CaseId, c => c.Id,
                (t, c) => new { t.Id, t.CaseId, t.Key, t.TitleKo, t.DueBy, t.OwnerId, t.Note, t.Citation, CaseTitle = c.Title })
            .ToListAsync(ct);
        var deadlines = tasks.Select(x => new Deadline(
                $"cloud-use/task/{x.Id}",
                $"{x.TitleKo}: {x.CaseTitle}",
                x.DueBy!.Value,
                $"/cloud-use/cases/{x.CaseId}",
                x.OwnerId)
            {
                Category = x.Key.StartsWith(CloudUseTaskItem.ReportKeyPrefix, StringComparison.Ordinal) ? DeadlineCategory.CloudUseReport : DeadlineCategory.CloudUseTask,
                Basis = x.Note is { Length: > 0 } note ? $"{note} ({x.Citation})" : x.Citation,
            })
            .ToList();

        var certificates = await db.CspCertificates.AsNoTracking()
            .Join(db.CloudProviders, c => c.ProviderId, p => p.Id, (c, p) => new { Certificate = c, Provider = p.Name })
            .ToListAsync(ct);
        // Only the newest certificate of a scheme per provider counts: a renewed one replaces the expiring one.
        deadlines.AddRange(certificates
            .GroupBy(x => (x.Certificate.ProviderId, x.Certificate.ServiceId, x.Certificate.Scheme))
            .Select(g => g.MaxBy(x => x.Certificate.ValidUntil)!)
            .Select(x => new Deadline(
                $"cloud-use/certificate/{x.Certificate.Id}",
                $"CSP 인증 만료: {x.Provider} {x.Certificate.Scheme.DisplayName()}",
                x.Certificate.ValidUntil,
                $"/cloud-use/registry")
            {
                Category = DeadlineCategory.Certificate,
                Basis = "인증 유효기간 종료일: 인증으로 대체한 평가항목은 갱신 전까지 다시 평가 대상",
            }));

        // Evidence that expires: only the newest version of each document counts, so uploading a renewal replaces it.
        var evidence = await db.EvidenceFiles.AsNoTracking()
            .Join(db.CloudUseCases.Where(c => c.State != CaseState.Rejected), f => f.CaseId, c => c.Id,
                (f, c) => new { f.Id, f.CaseId, f.Label, f.Version, f.EffectiveOn, f.ValidUntil, CaseTitle = c.Title })
            .ToListAsync(ct);
        deadlines.AddRange(evidence
            .GroupBy(f => (f.CaseId, f.Label))
            .Select(g => g.MaxBy(f => f.Version)!)
            .Where(f => f.ValidUntil is not null)
            .Select(f => new Deadline(
                $"cloud-use/evidence/{f.Id}",
                $"증빙 유효기한: {f.Label} v{f.Version}: {f.CaseTitle}",
                f.ValidUntil!.Value,
                $"/cloud-use/cases/{f.CaseId}")
            {
                Category = DeadlineCategory.Evidence,
                Basis = f.EffectiveOn is { } on
                    ? $"기준일 {on:yyyy-MM-dd}의 증빙, {f.ValidUntil:yyyy-MM-dd}까지 유효: 만료 전에 갱신본을 같은 이름으로 올리세요"
                    : $"{f.ValidUntil:yyyy-MM-dd}까지 유효: 만료 전에 갱신본을 같은 이름으로 올리세요",
            }));

        var evaluations = await db.CspEvaluations.AsNoTracking().Where(e => e.NextEvaluationDue != null).ToListAsync(ct);
        deadlines.AddRange(evaluations
            .GroupBy(e => e.ServiceId)
            .Select(g => g.MaxBy(e => e.EvaluatedOn)!)
            .Select(e => new Deadline(
                $"cloud-use/csp-evaluation/{e.Id}",
                "CSP 정기 건전성·안전성 평가",
                e.NextEvaluationDue!.Value,
                $"/cloud-use/registry")
            {
                Category = DeadlineCategory.CspEvaluation,
                Basis = "직전 평가일 기준 정기평가 주기 (전자금융감독규정 제14조의2)",
            }));
        return deadlines;
    }
}
