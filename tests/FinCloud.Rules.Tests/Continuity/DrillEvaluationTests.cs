using FinCloud.Rules.Continuity;
using FsCheck;
using FsCheck.Fluent;

namespace FinCloud.Rules.Tests.Continuity;

public sealed class DrillEvaluationTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 14, 22, 0, 0, KoreanTime.Offset);

    [Fact]
    public void A_system_recovered_within_its_rto_meets_it()
    {
        var result = DrillEvaluation.Evaluate(new DrillStep("core", TimeSpan.FromHours(3), Start, Start.AddMinutes(170), true));

        result.Met.ShouldBeTrue();
        result.Achieved.ShouldBe(TimeSpan.FromMinutes(170));
        result.Overrun.ShouldBe(TimeSpan.FromMinutes(-10));
    }

    [Fact]
    public void A_system_recovered_after_its_rto_misses_it_and_the_overrun_is_shown()
    {
        var result = DrillEvaluation.Evaluate(new DrillStep("core", TimeSpan.FromHours(3), Start, Start.AddMinutes(205), true));

        result.Met.ShouldBeFalse();
        result.Reason.ShouldBe("달성 3시간 25분 > RTO 3시간 00분 (초과 25분)");
    }

    [Fact]
    public void A_failed_or_unmeasured_switchover_never_counts_as_met()
    {
        DrillEvaluation.Evaluate(new DrillStep("core", TimeSpan.FromHours(3), Start, Start.AddMinutes(10), false)).Met.ShouldBeFalse();
        DrillEvaluation.Evaluate(new DrillStep("core", TimeSpan.FromHours(3), Start, null, true)).Met.ShouldBeFalse();
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property A_successful_step_meets_its_rto_exactly_when_the_achieved_time_is_within_it() =>
        Prop.ForAll(Gen.Choose(0, 2_000).ToArbitrary(), Gen.Choose(1, 1_500).ToArbitrary(), (minutes, rtoMinutes) =>
        {
            var result = DrillEvaluation.Evaluate(new DrillStep("s", TimeSpan.FromMinutes(rtoMinutes), Start, Start.AddMinutes(minutes), true));
            return result.Met == (minutes <= rtoMinutes) && result.Achieved == TimeSpan.FromMinutes(minutes);
        });

    [Fact]
    public void Coverage_shows_twelve_months_per_core_system_and_counts_those_never_drilled()
    {
        var met = DrillEvaluation.Evaluate(new DrillStep("a", TimeSpan.FromHours(3), Start, Start.AddHours(1), true));
        var missed = DrillEvaluation.Evaluate(new DrillStep("b", TimeSpan.FromHours(3), Start, Start.AddHours(4), true));
        var old = DrillEvaluation.Evaluate(new DrillStep("c", TimeSpan.FromHours(3), Start, Start.AddHours(1), true));

        var cells = DrillEvaluation.Coverage(["a", "b", "c"], [(new DateOnly(2026, 3, 14), met), (new DateOnly(2026, 3, 14), missed), (new DateOnly(2025, 4, 30), old)], new DateOnly(2026, 4, 10));

        cells.Count.ShouldBe(36);
        cells.Single(c => c is { SystemId: "a", Month: 3 }).Met.ShouldBe(true);
        cells.Single(c => c is { SystemId: "b", Month: 3 }).Met.ShouldBe(false);
        cells.Where(c => c.SystemId == "c").ShouldAllBe(c => c.Met == null);
        DrillEvaluation.CoverageShare(cells).ShouldBe(2m / 3);
    }

    [Fact]
    public void The_yearly_drill_is_due_by_the_end_of_a_year_without_one_and_a_gap_over_12_months_warns()
    {
        var status = DrillEvaluation.Duty([new DateOnly(2025, 3, 1)], new DateOnly(2026, 4, 1));

        status.HeldThisYear.ShouldBeFalse();
        status.DueBy.ShouldBe(new DateOnly(2026, 12, 31));
        status.MoreThanTwelveMonths.ShouldBeTrue();
        status.Provision!.Citation.ShouldBe("전자금융감독규정 제24조");
    }
}
