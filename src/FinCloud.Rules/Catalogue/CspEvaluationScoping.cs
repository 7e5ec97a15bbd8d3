using FinCloud.Rules.CloudUse;

namespace FinCloud.Rules.Catalogue;

/// <summary>What is left of the CSP evaluation for one cloud use, and why each other item is not.</summary>
public sealed record CspEvaluationScoping(
    string CatalogueId,
    bool CatalogueIllustrative,
    IReadOnlyList<CspEvaluationItem> InScope,
    IReadOnlyList<ItemExemption> ExemptedByCertificate,
    bool FsiResultReused,
    IReadOnlyList<CspEvaluationItem> Remaining);

/// <summary>인증에 의한 항목 면제: an item deemed met because a valid certificate covers the service.</summary>
public sealed record ItemExemption(CspEvaluationItem Item, CertificationScheme Scheme);

public static class CspEvaluationScoper
{
    /// <summary>
    /// The items that remain for the institution to evaluate: the decision's scope, less items a valid certificate
    /// covers (2019: basic items only; 2023: 대체 items only), or none at all when a passing FSI result is reused (ED-5).
    /// </summary>
    public static CspEvaluationScoping Scope(
        CloudUseDecision decision,
        CloudUseScenario scenario,
        IEnumerable<Certificate> certificates,
        bool reuseFsiResult = true,
        CspCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(certificates);
        catalogue ??= CspCatalogues.ForRegime(decision.Regime.Id);
        var inScope = catalogue.InScope(decision.Materiality.Material);
        var valid = certificates.Where(c => c.CountsOn(scenario.AsOf)).Select(c => c.Scheme).ToHashSet();
        var fsi = reuseFsiResult && decision.CspEvaluation.FsiResultReusable;

        var exempted = new List<ItemExemption>();
        var remaining = new List<CspEvaluationItem>();
        foreach (var item in inScope)
        {
            var waivable = item.Class is ItemClass.BasicProtection or ItemClass.Alternative;
            var covering = waivable ? item.CoveredBy.Where(valid.Contains).Take(1).ToList() : [];
            if (covering.Count == 1)
            {
                exempted.Add(new ItemExemption(item, covering[0]));
            }
            else if (!fsi)
            {
                remaining.Add(item);
            }
        }

        return new CspEvaluationScoping(catalogue.Id, catalogue.Illustrative, inScope, exempted, fsi, fsi ? [] : remaining);
    }
}
