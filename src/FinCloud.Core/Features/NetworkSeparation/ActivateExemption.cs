using FinCloud.Core.Audit;
using FinCloud.Rules;
using FinCloud.Rules.NetworkSeparation;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.NetworkSeparation;

/// <summary>
/// Activates an exemption when the activation rule allows it. A refusal is audited too: whoever asked, and why it
/// was refused, is part of the proof.
/// </summary>
public static class ActivateExemption
{
    public static async Task<ActivationDecision?> HandleAsync(FinCloudDbContext db, Guid exemptionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var exemption = await db.SeparationExemptions.SingleOrDefaultAsync(e => e.Id == exemptionId, ct);
        if (exemption is null)
        {
            return null;
        }

        var before = exemption.Status;
        var decision = exemption.Activate(await AssessControls.DecideAsync(db, exemption, ct), KoreanTime.Today(db.Clock));
        if (exemption.Status == ExemptionStatus.Active && before != ExemptionStatus.Active)
        {
            db.Audit(AuditEventType.ExemptionActivated, nameof(SeparationExemption), exemption.Id, before: before.ToString(),
                after: $"Active; activeFrom={exemption.ActiveFrom:yyyy-MM-dd}");
        }
        else
        {
            db.Audit(AuditEventType.ExemptionActivationRefused, nameof(SeparationExemption), exemption.Id, before: before.ToString(),
                after: string.Join(", ", decision.Blockers.Select(b => b.ControlId is null ? b.Kind.ToString() : $"{b.Kind}:{b.ControlId}")));
        }

        await db.SaveChangesAsync(ct);
        return decision;
    }
}
