using FinCloud.Core.Audit;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.NetworkSeparation;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.NetworkSeparation;

/// <summary>Records control assessments and SaaS security evaluations, the evidence the activation rule reads.</summary>
public static class AssessControls
{
    /// <summary>
    /// Records one assessment. A mandatory control found unmet while the exemption is active suspends it in the same
    /// transaction: use must stop until the control is fixed and the exemption re-activated.
    /// </summary>
    public static async Task<(ExemptionControlAssessment? Assessment, string? Error)> AssessAsync(
        FinCloudDbContext db, Guid exemptionId, string controlId, ControlAssessmentResult result, string? evidence, string? evidenceSha256, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var exemption = await db.SeparationExemptions.SingleOrDefaultAsync(e => e.Id == exemptionId, ct);
        if (exemption is null)
        {
            return (null, null);
        }

        var control = exemption.Catalogue.Controls.FirstOrDefault(c => c.Id == controlId);
        if (control is null)
        {
            return (null, $"통제 '{controlId}'은(는) {exemption.CatalogueVersion} 목록에 없습니다");
        }

        var revision = await db.ExemptionControlAssessments.CountAsync(a => a.ExemptionId == exemptionId && a.ControlId == controlId, ct) + 1;
        var assessment = ExemptionControlAssessment.Record(exemptionId, controlId, revision, result, evidence, evidenceSha256, db.Tenant.ActorId, db.Clock.GetUtcNow());
        db.ExemptionControlAssessments.Add(assessment);
        db.Audit(AuditEventType.ExemptionControlAssessed, nameof(SeparationExemption), exemptionId,
            after: $"control={controlId}; result={result}; revision={revision}; evidence={(assessment.Evidence is null && evidenceSha256 is null ? "none" : "attached")}");
        if (control.Mandatory && result == ControlAssessmentResult.NotMet && exemption.Suspend())
        {
            db.Audit(AuditEventType.ExemptionSuspended, nameof(SeparationExemption), exemptionId, before: "Active", after: $"Suspended; control={controlId}");
        }

        await db.SaveChangesAsync(ct);
        return (assessment, null);
    }

    public static async Task<FsiSecurityEvaluation?> RecordEvaluationAsync(
        FinCloudDbContext db, Guid exemptionId, string reference, DateOnly evaluatedOn, FsiEvaluationResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.SeparationExemptions.AnyAsync(e => e.Id == exemptionId, ct))
        {
            return null;
        }

        var evaluation = FsiSecurityEvaluation.Record(exemptionId, reference, evaluatedOn, result, db.Clock.GetUtcNow());
        db.FsiSecurityEvaluations.Add(evaluation);
        db.Audit(AuditEventType.FsiEvaluationRecorded, nameof(SeparationExemption), exemptionId,
            after: $"reference={evaluation.Reference}; evaluatedOn={evaluatedOn:yyyy-MM-dd}; result={result}");
        await db.SaveChangesAsync(ct);
        return evaluation;
    }

    /// <summary>The assessments in force: the highest revision per control.</summary>
    public static async Task<List<ExemptionControlAssessment>> CurrentAsync(FinCloudDbContext db, Guid exemptionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.ExemptionControlAssessments.AsNoTracking().Where(a => a.ExemptionId == exemptionId).ToListAsync(ct);
        return all.GroupBy(a => a.ControlId).Select(g => g.MaxBy(a => a.Revision)!).ToList();
    }

    /// <summary>What the activation rule says about the exemption now.</summary>
    public static async Task<ActivationDecision> DecideAsync(FinCloudDbContext db, SeparationExemption exemption, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(exemption);
        var assessments = await CurrentAsync(db, exemption.Id, ct);
        var evaluations = await db.FsiSecurityEvaluations.AsNoTracking().Where(e => e.ExemptionId == exemption.Id).ToListAsync(ct);
        return ActivationRule.Evaluate(exemption.Catalogue, assessments.Select(a => a.ToRule()), evaluations.Select(e => e.ToRule()));
    }
}
