using FinCloud.Rules.CloudUse;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Rules.Rulebooks;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.NetworkSeparation;

public sealed record ExemptionSummary(
    Guid Id,
    string Title,
    SeparationExemptionKind Kind,
    ExemptionStatus Status,
    string? SaasName,
    string? CspName,
    string? DesignationId,
    DateOnly? ActiveFrom,
    DateOnly? EffectiveEnd);

/// <summary>One control of the exemption's catalogue with its assessment in force.</summary>
public sealed record ControlLine(
    string ControlId,
    string TitleKo,
    bool Mandatory,
    string Citation,
    Confidence Confidence,
    ControlAssessmentResult Result,
    string? Evidence,
    int Revision);

public sealed record EvaluationLine(Guid Id, string Reference, DateOnly EvaluatedOn, FsiEvaluationResult Result);

public sealed record FindingLine(Guid Id, string FindingType, long Count, string Categories, bool Open, string? Resolution);

public sealed record DataSetLine(Guid Id, string Name, DataSetStatus Status, string? LastScanCounts, IReadOnlyList<FindingLine> Findings);

public sealed record ExemptionDetail(
    ExemptionSummary Summary,
    string CatalogueVersion,
    Confidence CatalogueConfidence,
    string LegalBasis,
    string WorkScope,
    IReadOnlyList<DataCategory> ExcludedData,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    DateOnly? ExtendedUntil,
    string? CommitteeResolution,
    string? RiskAssessment,
    bool RequiresFsiPass,
    IReadOnlyList<ControlLine> Controls,
    IReadOnlyList<EvaluationLine> Evaluations,
    ActivationDecision Decision,
    IReadOnlyList<ControlReviewLine> Reviews,
    IReadOnlyList<DataSetLine> DataSets,
    DateTimeOffset? SharedWithSupervisorAt);

public static class ExemptionQueries
{
    public static ExemptionSummary Summarize(SeparationExemption e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.Title, e.Kind, e.Status, e.SaasName, e.CspName, e.DesignationId, e.ActiveFrom, e.EffectiveEnd);
    }

    public static async Task<List<ExemptionSummary>> ListAsync(FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.SeparationExemptions.AsNoTracking().ToListAsync(ct);
        return all.OrderBy(e => e.Title, StringComparer.Ordinal).Select(Summarize).ToList();
    }

    public static async Task<ExemptionDetail?> DetailAsync(FinCloudDbContext db, Guid exemptionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var e = await db.SeparationExemptions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == exemptionId, ct);
        if (e is null)
        {
            return null;
        }

        var catalogue = e.Catalogue;
        var current = (await AssessControls.CurrentAsync(db, e.Id, ct)).ToDictionary(a => a.ControlId, StringComparer.Ordinal);
        var controls = catalogue.Controls.Select(c => current.TryGetValue(c.Id, out var a)
            ? new ControlLine(c.Id, c.TitleKo, c.Mandatory, c.Citation, c.Confidence, a.Result, a.Evidence, a.Revision)
            : new ControlLine(c.Id, c.TitleKo, c.Mandatory, c.Citation, c.Confidence, ControlAssessmentResult.NotAssessed, null, 0)).ToList();
        var evaluations = (await db.FsiSecurityEvaluations.AsNoTracking().Where(x => x.ExemptionId == e.Id).ToListAsync(ct))
            .OrderBy(x => x.EvaluatedOn).Select(x => new EvaluationLine(x.Id, x.Reference, x.EvaluatedOn, x.Result)).ToList();
        var decision = await AssessControls.DecideAsync(db, e, ct);
        var reviews = await ControlReviews.ScheduleAsync(db, e.Id, ct);
        var dataSets = await db.ExemptionDataSets.AsNoTracking().Where(d => d.ExemptionId == e.Id).ToListAsync(ct);
        var dataSetIds = dataSets.Select(d => d.Id).ToList();
        var scans = await db.DataScopeScans.AsNoTracking().Where(s => dataSetIds.Contains(s.DataSetId)).ToListAsync(ct);
        var findings = await db.DataScopeFindings.AsNoTracking().Where(f => dataSetIds.Contains(f.DataSetId)).ToListAsync(ct);
        var dataSetLines = dataSets.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => new DataSetLine(
            d.Id, d.Name, d.Status,
            scans.Where(s => s.DataSetId == d.Id).MaxBy(s => s.ScannedAt)?.FindingCounts,
            findings.Where(f => f.DataSetId == d.Id).OrderBy(f => f.RaisedAt)
                .Select(f => new FindingLine(f.Id, f.FindingType, f.Count, f.Categories, f.IsOpen, f.Resolution)).ToList())).ToList();
        return new ExemptionDetail(Summarize(e), e.CatalogueVersion, catalogue.Confidence, e.LegalBasis, e.WorkScope, e.ExcludedData,
            e.PeriodStart, e.PeriodEnd, e.ExtendedUntil, e.CommitteeResolution, e.RiskAssessment, catalogue.RequiresFsiPass,
            controls, evaluations, decision, reviews, dataSetLines, e.SharedWithSupervisorAt);
    }
}
