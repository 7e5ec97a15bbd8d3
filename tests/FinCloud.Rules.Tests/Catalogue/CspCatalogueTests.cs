using FinCloud.Rules.Catalogue;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.Rulebooks;
using static FinCloud.Rules.Tests.CloudUse.Scenarios;

namespace FinCloud.Rules.Tests.Catalogue;

public sealed class CspCatalogueTests
{
    [Fact]
    public void The_2019_catalogue_has_141_items_in_14_domains_109_basic_and_32_financial_ED4()
    {
        var catalogue = CspCatalogues.ById("2019");

        catalogue.Items.Count.ShouldBe(141);
        catalogue.Items.Select(i => i.Domain).Distinct().Count().ShouldBe(14);
        catalogue.CountByClass()[ItemClass.BasicProtection].ShouldBe(109);
        catalogue.CountByClass()[ItemClass.FinancialAdditional].ShouldBe(32);
        catalogue.Items.Where(i => i.Class == ItemClass.BasicProtection).Select(i => i.Domain).Distinct().Count().ShouldBe(13);
        catalogue.Items.Where(i => i.Class == ItemClass.FinancialAdditional).Select(i => i.Domain).Distinct().Count().ShouldBe(9);
    }

    [Fact]
    public void The_2023_catalogue_has_54_items_16_mandatory_and_38_alternative_ED4()
    {
        var catalogue = CspCatalogues.ById("2023");

        catalogue.Items.Count.ShouldBe(54);
        catalogue.CountByClass()[ItemClass.Mandatory].ShouldBe(16);
        catalogue.CountByClass()[ItemClass.Alternative].ShouldBe(38);
    }

    [Fact]
    public void Every_bundled_item_is_marked_illustrative_with_a_provisional_id()
    {
        foreach (var catalogue in CspCatalogues.All)
        {
            catalogue.Illustrative.ShouldBeTrue();
            catalogue.Items.ShouldAllBe(i => i.Illustrative && i.Id.StartsWith("ILL-", StringComparison.Ordinal) && i.Text.StartsWith("[예시]", StringComparison.Ordinal));
            catalogue.Items.Select(i => i.Id).Distinct().Count().ShouldBe(catalogue.Items.Count);
        }
    }

    [Theory]
    [InlineData("2019-01-01")]
    [InlineData("2023-01-01")]
    [InlineData("2025-02-05")]
    public void Each_regime_reads_a_catalogue_whose_scope_matches_its_item_counts(string regimeId)
    {
        var rulebook = RulebookLibrary.CloudUse.Single(r => r.Id == regimeId);
        var catalogue = CspCatalogues.ById(rulebook.CatalogueId);

        catalogue.InScope(material: true).Count.ShouldBe(rulebook.Material.ItemsInScope);
        catalogue.InScope(material: false).Count.ShouldBe(rulebook.NonMaterial.ItemsInScope);
    }

    [Fact]
    public void A_valid_certificate_covering_the_service_exempts_only_alternative_items_in_2023()
    {
        var scenario = Material(D(2024, 3, 4)) with { Csp = new CspInfo("CSP", null) };
        var decision = CloudUseRules.Evaluate(scenario);

        var scoping = CspEvaluationScoper.Scope(decision, scenario, [new Certificate(CertificationScheme.Csap, D(2023, 1, 1), D(2025, 12, 31), ScopeCoversService: true)]);

        scoping.InScope.Count.ShouldBe(54);
        scoping.ExemptedByCertificate.ShouldAllBe(e => e.Item.Class == ItemClass.Alternative);
        scoping.Remaining.ShouldContain(i => i.Class == ItemClass.Mandatory);
        scoping.Remaining.Count(i => i.Class == ItemClass.Mandatory).ShouldBe(16);
        (scoping.Remaining.Count + scoping.ExemptedByCertificate.Count).ShouldBe(54);
        scoping.Remaining.Count.ShouldBeLessThan(54);
    }

    [Fact]
    public void An_expired_certificate_or_one_outside_the_service_scope_exempts_nothing()
    {
        var scenario = Material(D(2024, 3, 4)) with { Csp = new CspInfo("CSP", null) };
        var decision = CloudUseRules.Evaluate(scenario);

        CspEvaluationScoper.Scope(decision, scenario, [new Certificate(CertificationScheme.Csap, D(2020, 1, 1), D(2024, 3, 3), true)]).Remaining.Count.ShouldBe(54);
        CspEvaluationScoper.Scope(decision, scenario, [new Certificate(CertificationScheme.Csap, D(2023, 1, 1), D(2025, 1, 1), false)]).Remaining.Count.ShouldBe(54);
    }

    [Fact]
    public void In_2019_a_recognised_certificate_waives_the_basic_items_and_the_financial_items_remain()
    {
        var scenario = Material(D(2021, 3, 2));
        var decision = CloudUseRules.Evaluate(scenario);

        var scoping = CspEvaluationScoper.Scope(decision, scenario, [new Certificate(CertificationScheme.Mtcs, D(2020, 1, 1), D(2022, 12, 31), true)]);

        scoping.ExemptedByCertificate.Count.ShouldBe(109);
        scoping.Remaining.ShouldAllBe(i => i.Class == ItemClass.FinancialAdditional);
        scoping.Remaining.Count.ShouldBe(32);
        scoping.FsiResultReused.ShouldBeFalse();
    }

    [Fact]
    public void A_reusable_fsi_pass_leaves_nothing_to_evaluate_ED5()
    {
        var scenario = NonMaterial(D(2025, 3, 10));
        var decision = CloudUseRules.Evaluate(scenario);

        var reused = CspEvaluationScoper.Scope(decision, scenario, []);
        var own = CspEvaluationScoper.Scope(decision, scenario, [], reuseFsiResult: false);

        reused.FsiResultReused.ShouldBeTrue();
        reused.Remaining.ShouldBeEmpty();
        own.Remaining.Count.ShouldBe(16);
    }

    [Fact]
    public void Mandatory_items_are_never_covered_by_a_certificate() =>
        CspCatalogues.ById("2023").Items.Where(i => i.Class == ItemClass.Mandatory).ShouldAllBe(i => i.CoveredBy.Count == 0);
}
