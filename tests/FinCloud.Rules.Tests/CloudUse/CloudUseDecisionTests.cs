using FinCloud.Rules.Calendar;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.Rulebooks;
using static FinCloud.Rules.Tests.CloudUse.Scenarios;

namespace FinCloud.Rules.Tests.CloudUse;

public sealed class CloudUseDecisionTests
{
    [Fact]
    public void Pre_report_is_due_seven_business_days_before_first_use_ED6()
    {
        var decision = CloudUseRules.Evaluate(Material(D(2022, 9, 1), D(2022, 9, 20), D(2022, 10, 17)));

        decision.SupervisorReport.ShouldBe(new SupervisorReport(SupervisorReportKind.PreReport, D(2022, 10, 5)));
        decision.Deadlines.ShouldBe([new ReportDeadline(CloudUseEventType.NewContract, D(2022, 10, 5))]);
    }

    [Fact]
    public void Pre_report_in_early_january_2019_counts_back_over_christmas_2018()
    {
        // 01-08 back: 01-07, 01-04, 01-03, 01-02 (01-01 신정), 12-31, 12-28, 12-27 (12-25 성탄절 skipped before).
        var decision = CloudUseRules.Evaluate(Material(D(2019, 1, 2), D(2019, 1, 3), D(2019, 1, 8)));

        decision.SupervisorReport.DueBy.ShouldBe(D(2018, 12, 27));
    }

    [Fact]
    public void Pre_report_ignores_later_events_under_the_2019_version()
    {
        var scenario = Material(D(2022, 2, 14), D(2022, 2, 15), D(2022, 3, 3)) with { Events = [new CloudUseEvent(CloudUseEventType.NewWork, D(2022, 5, 2))] };

        CloudUseRules.Evaluate(scenario).Deadlines.Count.ShouldBe(1);
    }

    [Fact]
    public void Non_material_work_in_2019_is_post_reported_under_the_outsourcing_rules_without_a_due_date()
    {
        var decision = CloudUseRules.Evaluate(NonMaterial(D(2021, 6, 1)));

        decision.SupervisorReport.ShouldBe(new SupervisorReport(SupervisorReportKind.PostReport, null));
        decision.Deadlines.ShouldBeEmpty();
        decision.Citations.ShouldContain("「금융회사의 정보처리 업무 위탁에 관한 규정」 제7조");
    }

    [Fact]
    public void Post_report_is_due_three_months_after_signing()
    {
        var decision = CloudUseRules.Evaluate(Material(D(2023, 4, 3), D(2023, 4, 12), D(2023, 5, 2)));

        decision.SupervisorReport.ShouldBe(new SupervisorReport(SupervisorReportKind.PostReport, D(2023, 7, 12)));
    }

    [Fact]
    public void Deadline_on_a_public_holiday_moves_to_the_next_business_day() =>
        CloudUseRules.Evaluate(Material(D(2025, 7, 1), D(2025, 7, 3), D(2025, 8, 1))).SupervisorReport.DueBy.ShouldBe(D(2025, 10, 10));

    [Fact]
    public void Every_later_event_starts_its_own_period_and_deadlines_are_sorted_by_due_date_ED7()
    {
        var scenario = Material(D(2024, 3, 4), D(2024, 3, 11), D(2024, 4, 1)) with
        {
            Events =
            [
                new CloudUseEvent(CloudUseEventType.NewWork, D(2024, 7, 8)),
                new CloudUseEvent(CloudUseEventType.CspMaterialChange, D(2024, 5, 20)),
                new CloudUseEvent(CloudUseEventType.ContractNonPerformance, D(2024, 1, 15)),
                new CloudUseEvent(CloudUseEventType.EvaluationMaterialChange, D(2024, 9, 30)),
            ],
        };

        CloudUseRules.Evaluate(scenario).Deadlines.ShouldBe(
        [
            new ReportDeadline(CloudUseEventType.ContractNonPerformance, D(2024, 4, 15)),
            new ReportDeadline(CloudUseEventType.NewContract, D(2024, 6, 11)),
            new ReportDeadline(CloudUseEventType.CspMaterialChange, D(2024, 8, 20)),
            new ReportDeadline(CloudUseEventType.NewWork, D(2024, 10, 8)),
            new ReportDeadline(CloudUseEventType.EvaluationMaterialChange, D(2024, 12, 31)),
        ]);
    }

    [Fact]
    public void An_unknown_signing_date_gives_a_null_due_date_and_keeps_the_rest()
    {
        var scenario = Material(D(2024, 3, 4)) with
        {
            Contract = new CloudContract(null, null),
            Events = [new CloudUseEvent(CloudUseEventType.NewWork, D(2024, 7, 8))],
        };

        var decision = CloudUseRules.Evaluate(scenario);

        decision.SupervisorReport.ShouldBe(new SupervisorReport(SupervisorReportKind.PostReport, null));
        decision.Deadlines.ShouldBe([new ReportDeadline(CloudUseEventType.NewWork, D(2024, 10, 8)), new ReportDeadline(CloudUseEventType.NewContract, null)]);
    }

    [Fact]
    public void An_unknown_usage_date_gives_a_null_pre_report_due_date()
    {
        var decision = CloudUseRules.Evaluate(Material(D(2021, 3, 2)) with { Contract = new CloudContract(D(2021, 3, 10), null) });

        decision.SupervisorReport.ShouldBe(new SupervisorReport(SupervisorReportKind.PreReport, null));
        decision.Deadlines.ShouldBe([new ReportDeadline(CloudUseEventType.NewContract, null)]);
    }

    [Fact]
    public void Non_material_work_has_no_fss_report_from_2023_events_or_not_ED7()
    {
        var scenario = NonMaterial(D(2024, 1, 2)) with { Events = [new CloudUseEvent(CloudUseEventType.NewWork, D(2024, 7, 8))] };

        var decision = CloudUseRules.Evaluate(scenario);

        decision.SupervisorReport.ShouldBe(new SupervisorReport(SupervisorReportKind.None, null));
        decision.Deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Every_hard_trigger_and_the_self_assessment_are_listed_in_contract_order_ED2()
    {
        var s = Material(D(2024, 1, 2));
        var all = s with { Workload = new Workload("x", ServiceModel.Saas, true, true, true, SelfAssessedMaterial: true) };

        CloudUseRules.Evaluate(all).Materiality.Reasons.ShouldBe(
            [MaterialityReason.UniqueIdentifiers, MaterialityReason.PersonalCreditInfo, MaterialityReason.MaterialEfImpact, MaterialityReason.SelfAssessed]);
    }

    [Fact]
    public void The_self_assessment_adds_materiality_but_never_removes_a_hard_trigger_ED2()
    {
        var s = Material(D(2024, 1, 2));
        var selfOnly = s with { Workload = new Workload("x", ServiceModel.Saas, false, false, false, SelfAssessedMaterial: true) };
        var deniedButTriggered = s with { Workload = new Workload("x", ServiceModel.Saas, false, true, false, SelfAssessedMaterial: false) };

        CloudUseRules.Evaluate(selfOnly).Materiality.ShouldSatisfyAllConditions(
            m => m.Material.ShouldBeTrue(),
            m => m.Reasons.ShouldBe([MaterialityReason.SelfAssessed]));
        CloudUseRules.Evaluate(deniedButTriggered).Materiality.Material.ShouldBeTrue();
    }

    [Theory]
    [InlineData(2021, true, "required", "required", "required", "required", "required", "required")]
    [InlineData(2021, false, "required", "relaxed", "relaxed", "relaxed", "required", "required")]
    [InlineData(2024, true, "required", "required", "required", "not-required", "required", "required")]
    [InlineData(2024, false, "required", "relaxed", "relaxed", "not-required", "relaxed", "required")]
    [InlineData(2026, true, "required", "required", "required", "not-required", "required", "required")]
    [InlineData(2026, false, "required", "relaxed", "relaxed", "not-required", "relaxed", "required")]
    public void Procedure_steps_follow_the_two_FSC_tables_ED3(int year, bool material, string importance, string bcp, string security, string outsourcing, string csp, string committee)
    {
        var asOf = D(year, 6, 1);
        var p = CloudUseRules.Evaluate(material ? Material(asOf) : NonMaterial(asOf)).Procedure;

        string[] actual = [.. new[] { p.ImportanceAssessment, p.BusinessContinuityPlan, p.SecurityMeasures, p.OutsourcingStandards, p.CspEvaluation, p.CommitteeResolution }
            .Select(s => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()))];
        actual.ShouldBe([importance, bcp, security, outsourcing, csp, committee]);
    }

    [Fact]
    public void A_failed_fsi_evaluation_cannot_be_reused_ED5()
    {
        var s = Material(D(2024, 1, 2));

        CloudUseRules.Evaluate(s with { Csp = new CspInfo("CSP", new FsiEvaluation(FsiEvaluationResult.Fail, D(2023, 1, 1))) }).CspEvaluation.FsiResultReusable.ShouldBeFalse();
        CloudUseRules.Evaluate(s with { Csp = new CspInfo("CSP", null) }).CspEvaluation.FsiResultReusable.ShouldBeFalse();
    }

    [Fact]
    public void A_temporary_holiday_added_later_pushes_a_deadline_later_ED11()
    {
        var scenario = Material(D(2024, 3, 4), D(2024, 3, 11), D(2024, 4, 1));
        var calendar = HolidayCalendar.Default.With([new DesignatedHoliday(D(2024, 6, 11), "임시공휴일", HolidayKind.Temporary, Confidence.Verified)]);

        CloudUseRules.Evaluate(scenario, calendar).SupervisorReport.DueBy.ShouldBe(D(2024, 6, 12));
        CloudUseRules.Evaluate(scenario, calendar).Basis.CalendarVersion.ShouldBe(calendar.Version);
    }
}
