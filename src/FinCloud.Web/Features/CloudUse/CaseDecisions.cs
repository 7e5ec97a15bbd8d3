using FinCloud.Core;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Organizations;
using FinCloud.Rules;
using FinCloud.Rules.Catalogue;
using FinCloud.Rules.CloudUse;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.CloudUse;

/// <summary>The intake answers, in the words the wizard asks them.</summary>
public sealed record CaseFacts(
    bool ProcessesUniqueIdentifiers,
    bool ProcessesPersonalCreditInfo,
    bool MaterialImpactOnElectronicFinance,
    bool? SelfAssessedMaterial,
    DateOnly? ContractSignedOn,
    DateOnly? UsageStartOn);

/// <summary>Builds the rules engine's scenario from what the registry and the case know, and asks the engine. No rule lives here.</summary>
public static class CaseDecisions
{
    public sealed record Outcome(CloudUseScenario Scenario, CloudUseDecision Decision, TaskPlan Plan);

    public static async Task<Outcome?> DecideAsync(FinCloudDbContext db, string title, Guid serviceId, CaseFacts facts, IReadOnlyList<CloudUseEvent> events, DateOnly? asOf, CancellationToken ct)
    {
        var service = await db.CloudServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null)
        {
            return null;
        }

        var provider = await db.CloudProviders.AsNoTracking().SingleAsync(p => p.Id == service.ProviderId, ct);
        var organizationId = db.Tenant.RequireOrganization();
        var sector = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Sector).SingleAsync(ct);
        var fsi = await db.CspEvaluations.AsNoTracking()
            .Where(e => e.ServiceId == serviceId && e.Kind == CspEvaluationKind.Fsi && e.Result != null)
            .OrderByDescending(e => e.EvaluatedOn).FirstOrDefaultAsync(ct);
        var scenario = new CloudUseScenario(
            asOf ?? KoreanTime.Today(db.Clock),
            new Institution(ToRules(sector)),
            new Workload(title, service.ServiceModel, facts.ProcessesUniqueIdentifiers, facts.ProcessesPersonalCreditInfo, facts.MaterialImpactOnElectronicFinance, facts.SelfAssessedMaterial),
            new CspInfo(provider.Name, fsi is { Result: { } r } ? new FsiEvaluation(r, fsi.EvaluatedOn) : null),
            new CloudContract(facts.ContractSignedOn, facts.UsageStartOn),
            events);
        var decision = CloudUseRules.Evaluate(scenario);
        return new Outcome(scenario, decision, TaskPlanner.Plan(decision, scenario));
    }

    public static CaseFacts FactsOf(CloudUseScenario s) =>
        new(s.Workload.ProcessesUniqueIdentifiers, s.Workload.ProcessesPersonalCreditInfo, s.Workload.MaterialImpactOnElectronicFinance,
            s.Workload.SelfAssessedMaterial, s.Contract.SignedOn, s.Contract.UsageStartOn);

    /// <summary>The CSP evaluation items for this case: the decision's scope less certificate-covered items, or none when the FSI result is reused.</summary>
    public static async Task<CspEvaluationScoping> ScopeAsync(FinCloudDbContext db, CloudUseCase c, CancellationToken ct)
    {
        var version = c.Current;
        var scenario = version.Scenario;
        var decision = CloudUseRules.Evaluate(scenario);
        var service = await db.CloudServices.AsNoTracking().SingleAsync(s => s.Id == c.ServiceId, ct);
        var certificates = await db.CspCertificates.AsNoTracking().Where(x => x.ProviderId == service.ProviderId).ToListAsync(ct);
        return CspEvaluationScoper.Scope(decision, scenario, certificates.Select(x => x.ForRules(c.ServiceId)));
    }

    private static Sector ToRules(InstitutionSector? sector) => sector switch
    {
        InstitutionSector.Bank => Sector.Bank,
        InstitutionSector.Securities => Sector.Securities,
        InstitutionSector.Insurance => Sector.Insurance,
        InstitutionSector.Card => Sector.Card,
        InstitutionSector.SavingsBank => Sector.SavingsBank,
        InstitutionSector.ElectronicFinance => Sector.ElectronicFinance,
        InstitutionSector.Other or null => Sector.Other,
        _ => Sector.Other,
    };
}
