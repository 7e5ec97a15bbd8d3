using FinCloud.Rules.CloudUse;
using FinCloud.Rules.NetworkSeparation;

namespace FinCloud.Rules.Tests.NetworkSeparation;

public sealed class ActivationRuleTests
{
    private static readonly ControlCatalogue Sandbox =
        ControlCatalogueLibrary.InForce(SeparationExemptionKind.SandboxDesignation, new DateOnly(2024, 9, 27))!;

    private static readonly SaasSecurityEvaluation Pass = new("FSI-2024-017", new DateOnly(2024, 8, 1), FsiEvaluationResult.Pass);

    private static List<ControlAssessment> AllMet(ControlCatalogue catalogue) =>
        catalogue.Controls.Select(c => new ControlAssessment(c.Id, ControlAssessmentResult.Met, [$"evidence/{c.Id}.pdf"])).ToList();

    [Fact]
    public void All_mandatory_controls_met_with_evidence_and_a_passing_FSI_evaluation_activate()
    {
        ActivationRule.Evaluate(Sandbox, AllMet(Sandbox), [Pass]).CanActivate.ShouldBeTrue();
    }

    [Fact]
    public void One_unmet_mandatory_control_blocks_activation()
    {
        var assessments = AllMet(Sandbox);
        assessments[3] = assessments[3] with { Result = ControlAssessmentResult.NotMet };
        var decision = ActivationRule.Evaluate(Sandbox, assessments, [Pass]);
        decision.CanActivate.ShouldBeFalse();
        decision.Blockers.ShouldHaveSingleItem().ShouldBe(decision.Blockers[0] with { Kind = ActivationBlockerKind.MandatoryControlNotMet, ControlId = assessments[3].ControlId });
    }

    [Fact]
    public void A_control_never_assessed_blocks_activation()
    {
        var assessments = AllMet(Sandbox).Skip(1).ToList();
        ActivationRule.Evaluate(Sandbox, assessments, [Pass]).Blockers
            .ShouldHaveSingleItem().Kind.ShouldBe(ActivationBlockerKind.MandatoryControlNotAssessed);
    }

    [Fact]
    public void A_control_marked_met_without_evidence_blocks_activation()
    {
        var assessments = AllMet(Sandbox);
        assessments[0] = assessments[0] with { Evidence = [" "] };
        ActivationRule.Evaluate(Sandbox, assessments, [Pass]).Blockers
            .ShouldHaveSingleItem().Kind.ShouldBe(ActivationBlockerKind.MandatoryControlWithoutEvidence);
    }

    [Fact]
    public void SaaS_without_an_FSI_evaluation_cannot_activate()
    {
        ActivationRule.Evaluate(Sandbox, AllMet(Sandbox), []).Blockers
            .ShouldHaveSingleItem().Kind.ShouldBe(ActivationBlockerKind.SaasEvaluationMissing);
    }

    [Fact]
    public void A_later_failed_evaluation_outweighs_an_earlier_pass()
    {
        var fail = new SaasSecurityEvaluation("FSI-2025-003", new DateOnly(2025, 3, 1), FsiEvaluationResult.Fail);
        ActivationRule.Evaluate(Sandbox, AllMet(Sandbox), [fail, Pass]).Blockers
            .ShouldHaveSingleItem().Kind.ShouldBe(ActivationBlockerKind.SaasEvaluationNotPass);
    }

    [Fact]
    public void Research_network_needs_no_FSI_evaluation_and_ignores_recommended_controls()
    {
        var rnd = ControlCatalogueLibrary.InForce(SeparationExemptionKind.ResearchNetwork, new DateOnly(2025, 6, 1))!;
        var assessments = rnd.MandatoryControls.Select(c => new ControlAssessment(c.Id, ControlAssessmentResult.Met, ["committee-minutes-2025-05.pdf"]));
        ActivationRule.Evaluate(rnd, assessments, []).CanActivate.ShouldBeTrue();
    }
}
