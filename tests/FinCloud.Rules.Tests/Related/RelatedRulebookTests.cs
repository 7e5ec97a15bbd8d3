using FinCloud.Rules.Calendar;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Tests.Related;

/// <summary>The dated rule data later modules read, on both sides of each effective date.</summary>
public sealed class RelatedRulebookTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Board_reporting_applies_from_2025_08_05()
    {
        RulebookLibrary.BoardReporting.InForce(D(2025, 8, 4)).ShouldBeNull();
        RulebookLibrary.BoardReporting.InForce(D(2025, 8, 5))!.CisoReportsToBoard.ShouldBeTrue();
    }

    [Fact]
    public void Insurance_minimums_rise_on_2026_02_05_ED18()
    {
        var before = RulebookLibrary.InsuranceMinimums.InForce(D(2026, 2, 4))!;
        var after = RulebookLibrary.InsuranceMinimums.InForce(D(2026, 2, 5))!;

        before.For("electronic-finance")!.AmountKrw.ShouldBe(100_000_000);
        after.For("electronic-finance")!.AmountKrw.ShouldBe(200_000_000);
        before.For("insurance")!.AmountKrw.ShouldBe(100_000_000);
        after.For("insurance")!.AmountKrw.ShouldBe(200_000_000);
    }

    [Fact]
    public void Large_investment_firms_need_ten_hundred_million_won_from_2026_02_05()
    {
        var after = RulebookLibrary.InsuranceMinimums.InForce(D(2026, 2, 5))!;

        after.For("financial-investment", 2_000_000_000_000)!.AmountKrw.ShouldBe(1_000_000_000);
        after.For("financial-investment", 1_999_999_999_999)!.AmountKrw.ShouldBe(500_000_000);
        after.For("financial-investment")!.AmountKrw.ShouldBe(500_000_000);
    }

    [Fact]
    public void Conflicting_sources_apply_the_higher_amount_and_say_so_ED18()
    {
        var card = RulebookLibrary.InsuranceMinimums.InForce(D(2026, 6, 1))!.For("card")!;

        card.AmountKrw.ShouldBe(1_000_000_000);
        card.Conservative.ShouldBeTrue();
    }

    [Fact]
    public void A_reserve_makes_up_the_difference_to_the_minimum_ED18()
    {
        var minimum = RulebookLibrary.InsuranceMinimums.InForce(D(2026, 6, 1))!.For("insurance")!;

        minimum.IsCovered(150_000_000, reserveKrw: 50_000_000).ShouldBeTrue();
        minimum.IsCovered(150_000_000, reserveKrw: 49_999_999).ShouldBeFalse();
    }

    [Fact]
    public void The_dr_duty_widens_on_2026_02_05_ED19()
    {
        var before = RulebookLibrary.DisasterRecovery.InForce(D(2026, 2, 4))!;
        var after = RulebookLibrary.DisasterRecovery.InForce(D(2026, 2, 5))!;

        before.Requires("electronic-finance", annualTransactionsKrw: 3_000_000_000_000).ShouldBeFalse();
        after.Requires("electronic-finance", annualTransactionsKrw: 3_000_000_000_000).ShouldBeTrue();
        after.Requires("electronic-finance", annualTransactionsKrw: 1_000_000_000_000).ShouldBeFalse();
        after.Requires("savings-bank", ownItSystem: true).ShouldBeTrue();
        after.Requires("savings-bank", ownItSystem: false).ShouldBeFalse();
        after.RecoveryTimeObjective("insurance").ShouldBe(TimeSpan.FromHours(24));
        after.RecoveryTimeObjective("bank").ShouldBe(TimeSpan.FromHours(3));
    }

    [Fact]
    public void Incident_thresholds_change_on_2025_02_05_ED17()
    {
        var before = RulebookLibrary.IncidentReporting.InForce(D(2025, 2, 4))!;
        var after = RulebookLibrary.IncidentReporting.InForce(D(2025, 2, 5))!;

        before.IsReportable(TimeSpan.FromMinutes(10)).ShouldBeTrue();
        after.IsReportable(TimeSpan.FromMinutes(10)).ShouldBeFalse();
        after.IsReportable(TimeSpan.FromMinutes(10), subscribers: 10_000).ShouldBeTrue();
        after.IsReportable(TimeSpan.FromMinutes(29), subscribers: 9_999).ShouldBeFalse();
        after.IsReportable(TimeSpan.FromMinutes(30)).ShouldBeTrue();
        after.MajorIncident!.Draft.ShouldBeTrue();
    }

    [Fact]
    public void The_initial_incident_report_is_an_hour_clock_that_never_rolls_ED17()
    {
        var version = RulebookLibrary.IncidentReporting.InForce(D(2025, 10, 3))!;
        var awareness = new DateTimeOffset(2025, 10, 3, 14, 0, 0, KoreanTime.Offset); // 개천절, in the 추석 break

        version.InitialReportDue(awareness).ShouldBe(awareness.AddHours(24));
    }

    [Fact]
    public void Interim_incident_reports_fall_after_two_months_then_every_six_ED17()
    {
        var version = RulebookLibrary.IncidentReporting.InForce(D(2025, 3, 1))!;

        version.InterimReportsDue(D(2025, 3, 4), HolidayCalendar.Default).Take(3).ShouldBe([D(2025, 5, 7), D(2025, 11, 7), D(2026, 5, 7)]);
    }
}
