using FinCloud.Core.Audit;
using FinCloud.Rules;
using FinCloud.Rules.Calendar;
using FinCloud.Rules.Continuity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Continuity;

/// <summary>An incident with the rules' decision and the reports owed and made.</summary>
public sealed record IncidentView(ElectronicFinanceIncident Incident, IncidentAssessment Assessment, IReadOnlyList<IncidentReportSubmission> Submissions)
{
    public bool IsSubmitted(StageDue stage) => Submissions.Any(s => s.Stage == stage.Stage && s.Sequence == stage.Sequence);
}

/// <summary>전자금융사고: register, update, move through the stages, record the reports made.</summary>
public static class Incidents
{
    public static IncidentView View(ElectronicFinanceIncident incident, IReadOnlyList<IncidentReportSubmission> submissions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new IncidentView(incident, IncidentRules.Assess(incident.Facts, today, HolidayCalendar.Default), submissions);
    }

    public static async Task<IReadOnlyList<IncidentView>> ListAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = KoreanTime.Today(db.Clock);
        var incidents = (await db.Incidents.AsNoTracking().ToListAsync(ct)).OrderByDescending(i => i.OccurredAt).ToList();
        var submissions = (await db.IncidentReportSubmissions.AsNoTracking().ToListAsync(ct)).ToLookup(s => s.IncidentId);
        return [.. incidents.Select(i => View(i, [.. submissions[i.Id]], today))];
    }

    public static async Task<IncidentView?> DetailAsync(FinCloudDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return null;
        }

        var submissions = await db.IncidentReportSubmissions.AsNoTracking().Where(s => s.IncidentId == id).ToListAsync(ct);
        return View(incident, submissions, KoreanTime.Today(db.Clock));
    }

    public static async Task<(ElectronicFinanceIncident? Incident, string? Error)> RegisterAsync(FinCloudDbContext db, IncidentInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        if (Validate(input) is { } error)
        {
            return (null, error);
        }

        if (input.AssetId is { } assetId && !await db.ItAssets.AnyAsync(a => a.Id == assetId, ct))
        {
            return (null, "영향 시스템을 찾을 수 없습니다");
        }

        var incident = ElectronicFinanceIncident.Register(input, db.Clock.GetUtcNow());
        db.Incidents.Add(incident);
        var assessment = IncidentRules.Assess(incident.Facts, KoreanTime.Today(db.Clock), HolidayCalendar.Default);
        db.Audit(AuditEventType.IncidentRegistered, nameof(ElectronicFinanceIncident), incident.Id,
            after: $"type={incident.Type}; route={assessment.Route}; major={assessment.Major}; version={assessment.VersionId}");
        await db.SaveChangesAsync(ct);
        return (incident, null);
    }

    public static async Task<(ElectronicFinanceIncident? Incident, string? Error)> UpdateAsync(FinCloudDbContext db, Guid id, IncidentInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        if (Validate(input) is { } error)
        {
            return (null, error);
        }

        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return (null, null);
        }

        var today = KoreanTime.Today(db.Clock);
        var before = IncidentRules.Assess(incident.Facts, today, HolidayCalendar.Default);
        incident.Update(input);
        var after = IncidentRules.Assess(incident.Facts, today, HolidayCalendar.Default);
        db.Audit(AuditEventType.IncidentUpdated, nameof(ElectronicFinanceIncident), incident.Id,
            $"route={before.Route}; major={before.Major}", $"route={after.Route}; major={after.Major}");
        await db.SaveChangesAsync(ct);
        return (incident, null);
    }

    public static async Task<ElectronicFinanceIncident?> AdvanceAsync(FinCloudDbContext db, Guid id, IncidentStage stage, string note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return null;
        }

        var before = incident.Stage;
        incident.Advance(stage, note, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.IncidentStageChanged, nameof(ElectronicFinanceIncident), incident.Id, before.ToString(), stage.ToString());
        await db.SaveChangesAsync(ct);
        return incident;
    }

    public static async Task<(IncidentReportSubmission? Submission, string? Error)> SubmitReportAsync(FinCloudDbContext db, Guid id, ReportStage stage, int sequence, string? reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var view = await DetailAsync(db, id, ct);
        if (view is null)
        {
            return (null, null);
        }

        if (!view.Assessment.Stages.Any(s => s.Stage == stage && s.Sequence == sequence))
        {
            return (null, "규칙상 요구되지 않는 보고 단계입니다");
        }

        if (view.Submissions.Any(s => s.Stage == stage && s.Sequence == sequence))
        {
            return (null, "이미 제출된 보고입니다");
        }

        var submission = IncidentReportSubmission.Record(id, stage, sequence, reference, db.Clock.GetUtcNow());
        db.IncidentReportSubmissions.Add(submission);
        db.Audit(AuditEventType.IncidentReportSubmitted, nameof(ElectronicFinanceIncident), id, after: $"stage={stage}; sequence={sequence}");
        await db.SaveChangesAsync(ct);
        return (submission, null);
    }

    private static string? Validate(IncidentInput input) =>
        input.AwareAt < input.OccurredAt ? "인지 시각이 발생 시각보다 빠릅니다"
        : input.RestoredAt is { } r && r < input.OccurredAt ? "복구 시각이 발생 시각보다 빠릅니다"
        : null;
}
