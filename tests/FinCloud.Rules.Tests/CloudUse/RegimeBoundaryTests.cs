using FinCloud.Rules.CloudUse;
using FinCloud.Rules.Rulebooks;
using static FinCloud.Rules.Tests.CloudUse.Scenarios;

namespace FinCloud.Rules.Tests.CloudUse;

/// <summary>ED-1: the version in force on the as-of date, on both sides of every boundary day.</summary>
public sealed class RegimeBoundaryTests
{
    [Theory]
    [InlineData(2019, 1, 1, "2019-01-01")]
    [InlineData(2022, 12, 31, "2019-01-01")]
    [InlineData(2023, 1, 1, "2023-01-01")]
    [InlineData(2025, 2, 4, "2023-01-01")]
    [InlineData(2025, 2, 5, "2025-02-05")]
    [InlineData(2030, 12, 31, "2025-02-05")]
    public void The_regime_is_the_version_in_force_on_the_as_of_date(int y, int m, int d, string regime) =>
        CloudUseRules.Evaluate(Material(D(y, m, d))).Regime.Id.ShouldBe(regime);

    [Fact]
    public void Dates_before_the_2019_version_are_out_of_scope() =>
        Should.Throw<RegimeOutOfScopeException>(() => CloudUseRules.Evaluate(Material(D(2018, 12, 31))));

    [Fact]
    public void Each_version_ends_the_day_before_the_next_one_starts()
    {
        var versions = RulebookLibrary.CloudUse;

        versions.Select(v => v.Id).ShouldBe(["2019-01-01", "2023-01-01", "2025-02-05"]);
        for (var i = 0; i < versions.Count - 1; i++)
        {
            versions[i].EffectiveUntil.ShouldBe(versions[i + 1].EffectiveFrom.AddDays(-1));
        }

        versions[^1].EffectiveUntil.ShouldBeNull();
    }

    [Fact]
    public void The_last_day_of_the_pre_report_regime_still_gives_a_pre_report()
    {
        CloudUseRules.Evaluate(Material(D(2022, 12, 31))).SupervisorReport.Kind.ShouldBe(SupervisorReportKind.PreReport);
        CloudUseRules.Evaluate(Material(D(2023, 1, 1))).SupervisorReport.Kind.ShouldBe(SupervisorReportKind.PostReport);
    }

    [Fact]
    public void Fsi_reuse_starts_with_the_2023_version_ED5()
    {
        CloudUseRules.Evaluate(Material(D(2022, 12, 31))).CspEvaluation.FsiResultReusable.ShouldBeFalse();
        CloudUseRules.Evaluate(Material(D(2023, 1, 1))).CspEvaluation.FsiResultReusable.ShouldBeTrue();
    }

    [Fact]
    public void The_catalogue_shrinks_from_141_to_54_items_on_2023_01_01_ED4()
    {
        CloudUseRules.Evaluate(Material(D(2022, 12, 31))).CspEvaluation.ItemsInScope.ShouldBe(141);
        CloudUseRules.Evaluate(Material(D(2023, 1, 1))).CspEvaluation.ItemsInScope.ShouldBe(54);
        CloudUseRules.Evaluate(NonMaterial(D(2022, 12, 31))).CspEvaluation.ItemsInScope.ShouldBe(141);
        CloudUseRules.Evaluate(NonMaterial(D(2023, 1, 1))).CspEvaluation.ItemsInScope.ShouldBe(16);
    }

    [Fact]
    public void The_2025_version_gives_the_2023_procedural_outcomes_ED1()
    {
        foreach (var build in new Func<DateOnly, DateOnly?, DateOnly?, CloudUseScenario>[] { (a, s, u) => Material(a, s, u), (a, s, u) => NonMaterial(a, s, u) })
        {
            var before = CloudUseRules.Evaluate(build(D(2025, 2, 4), D(2025, 3, 10), D(2025, 4, 1)));
            var after = CloudUseRules.Evaluate(build(D(2025, 2, 5), D(2025, 3, 10), D(2025, 4, 1)));

            after.Procedure.ShouldBe(before.Procedure);
            after.CspEvaluation.ShouldBe(before.CspEvaluation);
            after.SupervisorReport.ShouldBe(before.SupervisorReport);
            after.Deadlines.ShouldBe(before.Deadlines);
        }
    }

    [Fact]
    public void A_decision_carries_the_basis_of_its_version()
    {
        var decision = CloudUseRules.Evaluate(Material(D(2025, 3, 10)));

        decision.Basis.RegimeId.ShouldBe("2025-02-05");
        decision.Basis.Provisions.ShouldContain(p => p.Confidence == Confidence.ThirdParty);
        decision.Basis.Unverified.ShouldBeTrue();
        decision.Basis.CalendarVersion.ShouldBe(FinCloud.Rules.Calendar.HolidayCalendar.Default.Version);
        decision.Basis.EncodingDecisions.ShouldContain("ED-8");
    }
}
