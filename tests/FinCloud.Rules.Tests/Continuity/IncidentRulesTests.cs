using FinCloud.Rules.Calendar;
using FinCloud.Rules.Continuity;

namespace FinCloud.Rules.Tests.Continuity;

public sealed class IncidentRulesTests
{
    private static DateTimeOffset Kst(int y, int m, int d, int h = 10) => new(y, m, d, h, 0, 0, KoreanTime.Offset);

    private static IncidentFacts Outage(DateTimeOffset at, int minutes, long? subscribers = null, DateTimeOffset? closed = null) =>
        new(IncidentType.Outage, at, at, TimeSpan.FromMinutes(minutes), subscribers, null, [], closed);

    private static IncidentAssessment Assess(IncidentFacts facts, DateOnly? asOf = null) =>
        IncidentRules.Assess(facts, asOf ?? KoreanTime.ToKoreanDate(facts.AwareAt), HolidayCalendar.Default);

    [Fact]
    public void A_15_minute_outage_was_reportable_under_the_2016_rules_and_is_not_from_2025_02_05()
    {
        var before = Assess(Outage(Kst(2025, 2, 4), 15));
        var after = Assess(Outage(Kst(2025, 2, 5), 15));

        before.Reportable.ShouldBeTrue();
        before.VersionId.ShouldBe("2016-06-01");
        after.Reportable.ShouldBeFalse();
        after.VersionId.ShouldBe("2025-02-05");
        after.Reasoning.ShouldContain(r => r.Contains("장애 시간 15분 < 기준 30분"));
        after.Stages.ShouldBeEmpty();
    }

    [Fact]
    public void Ten_minutes_on_a_service_with_10000_subscribers_is_reportable_from_2025_02_05()
    {
        Assess(Outage(Kst(2025, 6, 2), 10, subscribers: 10_000)).Reportable.ShouldBeTrue();
        Assess(Outage(Kst(2025, 6, 2), 10, subscribers: 9_999)).Reportable.ShouldBeFalse();
        Assess(Outage(Kst(2025, 6, 2), 30)).Reportable.ShouldBeTrue();
    }

    [Fact]
    public void The_initial_report_is_due_24_hours_after_awareness_and_interim_reports_follow_while_open()
    {
        var assessment = Assess(Outage(Kst(2025, 3, 4), 45), asOf: new DateOnly(2025, 6, 1));

        assessment.Stages[0].Stage.ShouldBe(ReportStage.Initial);
        assessment.Stages[0].DueAt.ShouldBe(Kst(2025, 3, 5));
        assessment.Stages.Skip(1).Select(s => (s.Stage, s.DueOn)).ShouldBe([(ReportStage.Intermediate, new DateOnly(2025, 5, 7)), (ReportStage.Intermediate, new DateOnly(2025, 11, 7))]);
    }

    [Fact]
    public void An_incident_closed_within_two_months_owes_no_interim_report_and_a_final_one_on_closure()
    {
        var assessment = Assess(Outage(Kst(2025, 3, 4), 45, closed: Kst(2025, 3, 20)));

        assessment.Stages.Select(s => s.Stage).ShouldBe([ReportStage.Initial, ReportStage.Final]);
        assessment.Stages[1].DueOn.ShouldBe(new DateOnly(2025, 3, 20));
    }

    [Fact]
    public void Two_major_incident_criteria_make_a_major_incident_and_the_draft_values_are_flagged()
    {
        var facts = Outage(Kst(2025, 6, 2), 150) with { CriteriaMet = [MajorIncidentCriterion.Impact] };

        var assessment = Assess(facts);

        assessment.Major.ShouldBeTrue(); // 영향도 + 시간 (150 min ≥ 2 h)
        assessment.MajorCriteriaDraft.ShouldBeTrue();
        assessment.Reasoning.ShouldContain(r => r.Contains("[초안 기준]"));
    }

    [Theory]
    [InlineData(3_000_000L, ReportingRoute.NotReportable)]
    [InlineData(3_000_001L, ReportingRoute.MonthlyBatch)]
    [InlineData(300_000_000L, ReportingRoute.MonthlyBatch)]
    [InlineData(300_000_001L, ReportingRoute.Individual)]
    public void Customer_loss_incidents_follow_the_2016_amount_bands(long loss, ReportingRoute route)
    {
        var facts = new IncidentFacts(IncidentType.CustomerLoss, Kst(2025, 6, 2), Kst(2025, 6, 2), null, null, loss, [], null);

        Assess(facts).Route.ShouldBe(route);
    }

    [Fact]
    public void An_outage_without_a_recorded_duration_is_treated_as_reportable_and_says_why()
    {
        var facts = new IncidentFacts(IncidentType.Outage, Kst(2025, 6, 2), Kst(2025, 6, 2), null, null, null, [], null);

        var assessment = Assess(facts);

        assessment.Reportable.ShouldBeTrue();
        assessment.Reasoning.ShouldContain(r => r.Contains("장애 시간이 기록되지 않아"));
    }
}
