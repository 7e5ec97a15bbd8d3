using FinCloud.Rules.CloudUse;
using static FinCloud.Rules.Tests.CloudUse.Scenarios;

namespace FinCloud.Rules.Tests.CloudUse;

public sealed class TaskPlannerTests
{
    private static TaskPlan PlanFor(CloudUseScenario scenario) => TaskPlanner.Plan(CloudUseRules.Evaluate(scenario), scenario);

    [Fact]
    public void The_committee_resolves_after_every_preparatory_step_and_before_the_contract_ED12()
    {
        var plan = PlanFor(Material(D(2024, 3, 4), D(2024, 3, 11), D(2024, 4, 1)));
        var committee = plan.Tasks.Single(t => t.Key == TaskPlanner.CommitteeResolution);

        committee.DependsOn.ShouldBe([TaskPlanner.ImportanceAssessment, TaskPlanner.BusinessContinuityPlan, TaskPlanner.SecurityMeasures, TaskPlanner.CspEvaluation, TaskPlanner.DomesticLocation]);
        committee.DueBy.ShouldBe(D(2024, 3, 11));
        plan.Tasks.Single(t => t.Key == TaskPlanner.CloudContract).DependsOn.ShouldBe([TaskPlanner.CommitteeResolution]);
    }

    [Fact]
    public void Every_dependency_names_an_earlier_task()
    {
        var scenario = Material(D(2025, 9, 1), D(2025, 9, 10), D(2025, 10, 1)) with { Events = [new CloudUseEvent(CloudUseEventType.NewWork, D(2025, 12, 1))] };
        var tasks = PlanFor(scenario).Tasks;

        for (var i = 0; i < tasks.Count; i++)
        {
            tasks[i].DependsOn.ShouldAllBe(d => tasks.Take(i).Any(t => t.Key == d));
        }

        tasks.Select(t => t.Key).Distinct().Count().ShouldBe(tasks.Count);
    }

    [Fact]
    public void Steps_marked_not_required_get_no_task_and_relaxed_steps_say_so()
    {
        var plan = PlanFor(NonMaterial(D(2024, 3, 4)));

        plan.Tasks.ShouldNotContain(t => t.Key == TaskPlanner.OutsourcingStandards);
        plan.Tasks.Single(t => t.Key == TaskPlanner.BusinessContinuityPlan).Requirement.ShouldBe(StepRequirement.Relaxed);
        plan.Tasks.ShouldNotContain(t => t.Key.StartsWith("supervisor-report", StringComparison.Ordinal));
    }

    [Fact]
    public void The_2019_plan_has_a_pre_report_due_seven_business_days_before_use()
    {
        var plan = PlanFor(Material(D(2022, 9, 1), D(2022, 9, 20), D(2022, 10, 17)));

        plan.Tasks.ShouldContain(t => t.Key == TaskPlanner.OutsourcingStandards && t.Requirement == StepRequirement.Required);
        plan.Tasks.Single(t => t.Key == "supervisor-report:pre-report").DueBy.ShouldBe(D(2022, 10, 5));
    }

    [Fact]
    public void Each_later_event_gets_its_own_report_task_with_a_key_from_its_facts()
    {
        var scenario = Material(D(2024, 3, 4), D(2024, 3, 11), D(2024, 4, 1)) with
        {
            Events = [new CloudUseEvent(CloudUseEventType.CspMaterialChange, D(2024, 5, 20)), new CloudUseEvent(CloudUseEventType.CspMaterialChange, D(2024, 5, 20))],
        };

        var reports = PlanFor(scenario).Tasks.Where(t => t.Key.StartsWith("supervisor-report:", StringComparison.Ordinal)).ToList();

        reports.Select(t => t.Key).ShouldBe(["supervisor-report:new-contract", "supervisor-report:csp-material-change:2024-05-20", "supervisor-report:csp-material-change:2024-05-20#2"]);
        reports[1].DueBy.ShouldBe(D(2024, 8, 20));
    }

    [Fact]
    public void Re_planning_after_a_new_event_keeps_every_existing_key()
    {
        var before = Material(D(2024, 3, 4), D(2024, 3, 11), D(2024, 4, 1));
        var after = before with { Events = [new CloudUseEvent(CloudUseEventType.NewWork, D(2024, 7, 8))] };

        var oldKeys = PlanFor(before).Tasks.Select(t => t.Key).ToList();
        var newKeys = PlanFor(after).Tasks.Select(t => t.Key).ToList();

        newKeys.ShouldBe([.. oldKeys, "supervisor-report:new-work:2024-07-08"], ignoreOrder: true);
    }

    [Fact]
    public void Fsi_reuse_changes_the_evidence_not_the_key_ED5()
    {
        var withFsi = PlanFor(Material(D(2024, 3, 4))).Tasks.Single(t => t.Key == TaskPlanner.CspEvaluation);
        var without = PlanFor(Material(D(2024, 3, 4)) with { Csp = new CspInfo("CSP", null) }).Tasks.Single(t => t.Key == TaskPlanner.CspEvaluation);

        withFsi.Evidence.ShouldContain(e => e.Contains("금융보안원", StringComparison.Ordinal));
        without.Evidence.ShouldContain(e => e.Contains("54", StringComparison.Ordinal));
    }

    [Fact]
    public void Board_reporting_joins_material_plans_from_2025_08_05()
    {
        PlanFor(Material(D(2025, 8, 4))).Tasks.ShouldNotContain(t => t.Key == TaskPlanner.BoardReport);
        PlanFor(Material(D(2025, 8, 5))).Tasks.ShouldContain(t => t.Key == TaskPlanner.BoardReport);
        PlanFor(NonMaterial(D(2025, 8, 5))).Tasks.ShouldNotContain(t => t.Key == TaskPlanner.BoardReport);
    }

    [Fact]
    public void Every_task_cites_a_provision_and_has_korean_and_english_titles() =>
        PlanFor(Material(D(2024, 3, 4))).Tasks.ShouldAllBe(t => t.Citation.Length > 0 && t.TitleKo.Length > 0 && t.TitleEn.Length > 0 && t.Evidence.Count > 0);
}
