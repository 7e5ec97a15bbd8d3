using FinCloud.Rules.Continuity;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Tests.Continuity;

public sealed class RecoveryCeilingTests
{
    [Fact]
    public void Core_work_must_recover_within_3_hours_and_the_figure_is_marked_reconstructed()
    {
        var ceiling = ContinuityRulebooks.RecoveryCeilings.InForce(new DateOnly(2026, 6, 1))!.For("bank");

        ceiling.Rto.ShouldBe(TimeSpan.FromHours(3));
        ceiling.Confidence.ShouldBe(Confidence.Reconstructed);
        ceiling.HistoricGuideline.ShouldBeFalse();
    }

    [Fact]
    public void The_insurer_24_hours_is_a_historic_guideline_and_says_so()
    {
        var ceiling = ContinuityRulebooks.RecoveryCeilings.InForce(new DateOnly(2026, 6, 1))!.For("insurance");

        ceiling.Rto.ShouldBe(TimeSpan.FromHours(24));
        ceiling.HistoricGuideline.ShouldBeTrue();
        ceiling.Label.ShouldContain("과거 지침");
    }

    [Fact]
    public void The_ceilings_agree_with_the_dr_rulebook()
    {
        var dr = RulebookLibrary.DisasterRecovery.InForce(new DateOnly(2026, 6, 1))!;
        var ceilings = ContinuityRulebooks.RecoveryCeilings.InForce(new DateOnly(2026, 6, 1))!;

        ceilings.For("insurance").Rto.ShouldBe(dr.RecoveryTimeObjective("insurance"));
        ceilings.For("bank").Rto.ShouldBe(dr.RecoveryTimeObjective("bank"));
    }
}
