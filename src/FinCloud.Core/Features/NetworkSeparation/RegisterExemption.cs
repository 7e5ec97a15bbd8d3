using FinCloud.Core.Audit;
using FinCloud.Rules;
using FinCloud.Rules.NetworkSeparation;

namespace FinCloud.Core.Features.NetworkSeparation;

/// <summary>Registers an exemption under the control catalogue in force today (ED-14).</summary>
public static class RegisterExemption
{
    public static async Task<(SeparationExemption? Exemption, string? Error)> HandleAsync(
        FinCloudDbContext db, ExemptionRegistration registration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(registration);
        var now = db.Clock.GetUtcNow();
        var today = KoreanTime.ToKoreanDate(now);
        var catalogue = ControlCatalogueLibrary.InForce(registration.Kind, today);
        if (catalogue is null)
        {
            return (null, $"{today:yyyy-MM-dd}에 적용되는 '{registration.Kind}' 예외 유형의 통제 목록이 없습니다");
        }

        Designation? designation = null;
        IReadOnlyList<DataCategory> designationExclusions = [];
        if (registration.DesignationId is { Length: > 0 } designationId)
        {
            var release = SandboxDesignationLibrary.Releases.FirstOrDefault(r => r.Designations.Any(d => d.Id == designationId));
            if (release is null)
            {
                return (null, $"혁신금융서비스 지정 '{designationId}'을(를) 찾을 수 없습니다");
            }

            designation = release.Designations.Single(d => d.Id == designationId);
            designationExclusions = release.DataExclusionsOf(designation);
        }
        else if (registration.Kind == SeparationExemptionKind.SandboxDesignation)
        {
            return (null, "혁신금융서비스 지정 예외는 지정 번호가 필요합니다");
        }

        var exemption = SeparationExemption.Register(registration, catalogue, designation, designationExclusions, db.Tenant.ActorId, now);
        db.SeparationExemptions.Add(exemption);
        db.Audit(AuditEventType.ExemptionRegistered, nameof(SeparationExemption), exemption.Id,
            after: $"kind={exemption.Kind}; catalogue={exemption.CatalogueVersion}; designation={exemption.DesignationId}");
        await db.SaveChangesAsync(ct);
        return (exemption, null);
    }
}
