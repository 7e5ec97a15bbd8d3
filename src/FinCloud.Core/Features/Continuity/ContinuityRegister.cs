using FinCloud.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Continuity;

/// <summary>BIA register changes: the profile, processes, IT assets, dependencies, sites, third parties, policies.</summary>
public static class ContinuityRegister
{
    public static async Task<ContinuityProfile> SaveProfileAsync(FinCloudDbContext db, ContinuityProfileInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var profile = await db.ContinuityProfiles.SingleOrDefaultAsync(ct);
        var before = profile is null ? null : $"insurance={profile.InsuranceCategory}; dr={profile.DrCategory}; registrations={profile.Registrations.Count}";
        if (profile is null)
        {
            profile = ContinuityProfile.Create(input, db.Clock.GetUtcNow());
            db.ContinuityProfiles.Add(profile);
        }
        else
        {
            profile.Update(input);
        }

        db.Audit(AuditEventType.ContinuityProfileSaved, nameof(ContinuityProfile), profile.Id, before,
            $"insurance={profile.InsuranceCategory}; dr={profile.DrCategory}; registrations={profile.Registrations.Count}");
        await db.SaveChangesAsync(ct);
        return profile;
    }

    public static async Task<(BusinessProcess? Process, string? Error)> SaveProcessAsync(FinCloudDbContext db, Guid? id, BusinessProcessInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        if (input.RtoMinutes <= 0 || input.RpoMinutes < 0)
        {
            return (null, "RTO는 0보다 커야 하고 RPO는 음수일 수 없습니다");
        }

        if (input.IsCore && string.IsNullOrWhiteSpace(input.CoreRationale))
        {
            return (null, "핵심업무 지정에는 사유가 필요합니다");
        }

        var code = input.Code.Trim();
        if (await db.BusinessProcesses.AnyAsync(p => p.Code == code && p.Id != id, ct))
        {
            return (null, $"업무 코드 '{code}'이(가) 이미 있습니다");
        }

        BusinessProcess process;
        string? before = null;
        if (id is { } existing)
        {
            var found = await db.BusinessProcesses.SingleOrDefaultAsync(p => p.Id == existing, ct);
            if (found is null)
            {
                return (null, null);
            }

            process = found;
            before = $"rto={process.RtoMinutes}; core={process.IsCore}";
            process.Update(input);
        }
        else
        {
            process = BusinessProcess.Create(input, db.Clock.GetUtcNow());
            db.BusinessProcesses.Add(process);
        }

        db.Audit(AuditEventType.BusinessProcessSaved, nameof(BusinessProcess), process.Id, before, $"rto={process.RtoMinutes}; core={process.IsCore}");
        await db.SaveChangesAsync(ct);
        return (process, null);
    }

    public static async Task<(ItAsset? Asset, string? Error)> SaveAssetAsync(FinCloudDbContext db, Guid? id, ItAssetInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        if (input.DrCapacityShare is < 0 or > 2)
        {
            return (null, "재해복구 용량은 0~200% 사이여야 합니다");
        }

        if (input.DrSiteId is { } siteId && !await db.DrSites.AnyAsync(s => s.Id == siteId, ct))
        {
            return (null, "재해복구센터를 찾을 수 없습니다");
        }

        var code = input.Code.Trim();
        if (await db.ItAssets.AnyAsync(a => a.Code == code && a.Id != id, ct))
        {
            return (null, $"시스템 코드 '{code}'이(가) 이미 있습니다");
        }

        ItAsset asset;
        string? before = null;
        if (id is { } existing)
        {
            var found = await db.ItAssets.SingleOrDefaultAsync(a => a.Id == existing, ct);
            if (found is null)
            {
                return (null, null);
            }

            asset = found;
            before = $"mode={asset.DrMode}; capacity={asset.DrCapacityShare}";
            asset.Update(input);
        }
        else
        {
            asset = ItAsset.Create(input, db.Clock.GetUtcNow());
            db.ItAssets.Add(asset);
        }

        db.Audit(AuditEventType.ItAssetSaved, nameof(ItAsset), asset.Id, before, $"kind={asset.Kind}; mode={asset.DrMode}; capacity={asset.DrCapacityShare}");
        await db.SaveChangesAsync(ct);
        return (asset, null);
    }

    public static async Task<(ContinuityDependency? Dependency, string? Error)> AddDependencyAsync(
        FinCloudDbContext db, DependencyNodeKind dependantKind, Guid dependantId, DependencyNodeKind dependencyKind, Guid dependencyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (dependantId == dependencyId)
        {
            return (null, "자기 자신에 의존할 수 없습니다");
        }

        if (!await ExistsAsync(db, dependantKind, dependantId, ct) || !await ExistsAsync(db, dependencyKind, dependencyId, ct))
        {
            return (null, "의존 관계의 대상을 찾을 수 없습니다");
        }

        if (await db.ContinuityDependencies.AnyAsync(d => d.DependantId == dependantId && d.DependencyId == dependencyId, ct))
        {
            return (null, "이미 등록된 의존 관계입니다");
        }

        var dependency = ContinuityDependency.Create(dependantKind, dependantId, dependencyKind, dependencyId, db.Clock.GetUtcNow());
        db.ContinuityDependencies.Add(dependency);
        db.Audit(AuditEventType.DependencyAdded, nameof(ContinuityDependency), dependency.Id,
            after: $"{dependantKind}:{dependantId} -> {dependencyKind}:{dependencyId}");
        await db.SaveChangesAsync(ct);
        return (dependency, null);
    }

    public static async Task<bool> RemoveDependencyAsync(FinCloudDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dependency = await db.ContinuityDependencies.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dependency is null)
        {
            return false;
        }

        db.ContinuityDependencies.Remove(dependency);
        db.Audit(AuditEventType.DependencyRemoved, nameof(ContinuityDependency), dependency.Id,
            before: $"{dependency.DependantKind}:{dependency.DependantId} -> {dependency.DependencyKind}:{dependency.DependencyId}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static async Task<DrSite> AddSiteAsync(FinCloudDbContext db, string name, DrSiteRole role, string region, string carriers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var site = DrSite.Create(name, role, region, carriers, db.Clock.GetUtcNow());
        db.DrSites.Add(site);
        db.Audit(AuditEventType.DrSiteSaved, nameof(DrSite), site.Id, after: $"role={role}");
        await db.SaveChangesAsync(ct);
        return site;
    }

    public static async Task<LinkedThirdPartyService?> SaveThirdPartyAsync(FinCloudDbContext db, Guid? id, ThirdPartyInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        LinkedThirdPartyService service;
        string? before = null;
        if (id is { } existing)
        {
            var found = await db.LinkedThirdPartyServices.SingleOrDefaultAsync(s => s.Id == existing, ct);
            if (found is null)
            {
                return null;
            }

            service = found;
            before = State(service);
            service.Update(input);
        }
        else
        {
            service = LinkedThirdPartyService.Create(input, db.Clock.GetUtcNow());
            db.LinkedThirdPartyServices.Add(service);
        }

        db.Audit(AuditEventType.ThirdPartyServiceSaved, nameof(LinkedThirdPartyService), service.Id, before, State(service));
        await db.SaveChangesAsync(ct);
        return service;

        static string State(LinkedThirdPartyService s) =>
            $"kind={s.Kind}; risk={s.Risk}; damages={s.DamagesClause is not null}; exit={s.ExitPlan is not null}; alternative={s.AlternativeProvider is not null}";
    }

    public static async Task<(LiabilityPolicy? Policy, string? Error)> SavePolicyAsync(FinCloudDbContext db, Guid? id, PolicyInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        if (input.CoverTo < input.CoverFrom)
        {
            return (null, "보험 종료일이 시작일보다 빠릅니다");
        }

        if (input.PerIncidentLimitKrw > input.AggregateLimitKrw)
        {
            return (null, "사고 건당 한도는 총 보상한도를 넘을 수 없습니다");
        }

        LiabilityPolicy policy;
        string? before = null;
        if (id is { } existing)
        {
            var found = await db.LiabilityPolicies.SingleOrDefaultAsync(p => p.Id == existing, ct);
            if (found is null)
            {
                return (null, null);
            }

            policy = found;
            before = $"aggregate={policy.AggregateLimitKrw}; per-incident={policy.PerIncidentLimitKrw}";
            policy.Update(input);
        }
        else
        {
            policy = LiabilityPolicy.Create(input, db.Clock.GetUtcNow());
            db.LiabilityPolicies.Add(policy);
        }

        db.Audit(AuditEventType.LiabilityPolicySaved, nameof(LiabilityPolicy), policy.Id, before,
            $"aggregate={policy.AggregateLimitKrw}; per-incident={policy.PerIncidentLimitKrw}; types={policy.CoveredTypes.Count}");
        await db.SaveChangesAsync(ct);
        return (policy, null);
    }

    private static Task<bool> ExistsAsync(FinCloudDbContext db, DependencyNodeKind kind, Guid id, CancellationToken ct) => kind switch
    {
        DependencyNodeKind.Process => db.BusinessProcesses.AnyAsync(p => p.Id == id, ct),
        DependencyNodeKind.Asset => db.ItAssets.AnyAsync(a => a.Id == id, ct),
        DependencyNodeKind.ThirdParty => db.LinkedThirdPartyServices.AnyAsync(s => s.Id == id, ct),
        _ => Task.FromResult(false),
    };
}
