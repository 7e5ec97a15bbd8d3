using FinCloud.Rules.NetworkSeparation;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Tests.NetworkSeparation;

public sealed class ControlCatalogueTests
{
    [Fact]
    public void Sandbox_catalogue_has_one_mandatory_control_per_S3_security_area()
    {
        var catalogue = ControlCatalogueLibrary.InForce(SeparationExemptionKind.SandboxDesignation, new DateOnly(2024, 9, 27)).ShouldNotBeNull();
        catalogue.MandatoryControls.Where(c => c.Area is not null).Select(c => c.Area!.Value)
            .ShouldBe(Enum.GetValues<SaasSecurityArea>(), ignoreOrder: true);
        catalogue.RequiresFsiPass.ShouldBeTrue();
    }

    [Fact]
    public void Every_designation_condition_is_implemented_by_a_sandbox_control()
    {
        var catalogue = ControlCatalogueLibrary.InForce(SeparationExemptionKind.SandboxDesignation, new DateOnly(2024, 9, 27)).ShouldNotBeNull();
        var conditions = SandboxDesignationLibrary.Releases.SelectMany(r => r.Conditions).Select(c => c.Code).Distinct();
        catalogue.Controls.Select(c => c.ConditionCode).Distinct().ShouldBe(conditions, ignoreOrder: true);
    }

    [Fact]
    public void Standing_saas_exception_starts_on_2026_04_20_and_is_marked_third_party()
    {
        ControlCatalogueLibrary.InForce(SeparationExemptionKind.SaasStanding, new DateOnly(2026, 4, 19)).ShouldBeNull();
        var catalogue = ControlCatalogueLibrary.InForce(SeparationExemptionKind.SaasStanding, new DateOnly(2026, 4, 20)).ShouldNotBeNull();
        catalogue.Confidence.ShouldBe(Confidence.ThirdParty);
        catalogue.Confidence.IsUnverified().ShouldBeTrue();
        catalogue.ExcludedData.ShouldBe([DataCategory.UniqueIdentifier, DataCategory.PersonalCreditInformation], ignoreOrder: true);
        catalogue.HalfYearlyReview.ShouldNotBeNull().Citation.ShouldBe("전자금융감독규정 시행세칙 제2조의3④");
        catalogue.MandatoryControls.Count().ShouldBe(9);
    }

    [Fact]
    public void Research_network_catalogue_version_follows_the_as_of_date()
    {
        var v2023 = ControlCatalogueLibrary.InForce(SeparationExemptionKind.ResearchNetwork, new DateOnly(2025, 2, 4)).ShouldNotBeNull();
        var v2025 = ControlCatalogueLibrary.InForce(SeparationExemptionKind.ResearchNetwork, new DateOnly(2025, 2, 5)).ShouldNotBeNull();
        v2023.Version.ShouldBe("research-network/2023-01-01");
        v2023.EffectiveUntil.ShouldBe(new DateOnly(2025, 2, 4));
        v2025.Version.ShouldBe("research-network/2025-02-05");
        v2025.HalfYearlyReview.ShouldNotBeNull();
        v2025.Controls.ShouldContain(c => c.Id == "RND-PSEUDONYMIZED-ONLY" && c.Mandatory);
        v2025.Controls.Single(c => c.Id == "RND-SUBSTITUTE-CONTROLS").Confidence.ShouldBe(Confidence.NotFound);
        ControlCatalogueLibrary.ByVersion(v2023.Version).ShouldBe(v2023);
    }

    [Fact]
    public void No_route_exists_before_its_first_version()
    {
        ControlCatalogueLibrary.InForce(SeparationExemptionKind.ResearchNetwork, new DateOnly(2022, 12, 31)).ShouldBeNull();
        ControlCatalogueLibrary.InForce(SeparationExemptionKind.SandboxDesignation, new DateOnly(2024, 9, 26)).ShouldBeNull();
    }

    [Fact]
    public void Control_ids_are_unique_within_each_catalogue_and_every_control_cites_its_provision()
    {
        ControlCatalogueLibrary.All.Count.ShouldBe(4);
        foreach (var catalogue in ControlCatalogueLibrary.All)
        {
            catalogue.Controls.Select(c => c.Id).ShouldBeUnique();
            catalogue.Controls.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c.Citation));
            catalogue.LegalBasis.ShouldNotBeEmpty();
        }
    }
}
