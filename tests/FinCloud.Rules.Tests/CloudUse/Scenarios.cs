using FinCloud.Rules.CloudUse;

namespace FinCloud.Rules.Tests.CloudUse;

/// <summary>Scenario builders: a material bank workload by default, changed with <c>with</c>.</summary>
internal static class Scenarios
{
    public static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static CloudUseScenario Material(DateOnly asOf, DateOnly? signedOn = null, DateOnly? usageStartOn = null) => new(
        asOf,
        new Institution(Sector.Bank),
        new Workload("인터넷뱅킹", ServiceModel.Iaas, ProcessesUniqueIdentifiers: true, ProcessesPersonalCreditInfo: false, MaterialImpactOnElectronicFinance: false),
        new CspInfo("CSP", new FsiEvaluation(FsiEvaluationResult.Pass, D(2022, 12, 1))),
        new CloudContract(signedOn ?? asOf.AddDays(7), usageStartOn ?? asOf.AddDays(30)),
        []);

    public static CloudUseScenario NonMaterial(DateOnly asOf, DateOnly? signedOn = null, DateOnly? usageStartOn = null)
    {
        var s = Material(asOf, signedOn, usageStartOn);
        return s with { Workload = s.Workload with { ProcessesUniqueIdentifiers = false } };
    }
}
