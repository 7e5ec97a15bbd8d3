using System.Collections.Concurrent;
using FinCloud.Rules.Calendar;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.CloudUse;

/// <summary>
/// The cloud-use decision (전자금융감독규정 제14조의2): materiality, procedure steps, CSP evaluation scope, the FSS
/// report and its deadlines, under the rulebook version in force on the scenario's as-of date.
/// </summary>
public static class CloudUseRules
{
    // The basis depends only on the version, the tier and the calendar: built once, shared by every decision.
    private static readonly ConcurrentDictionary<(string RegimeId, bool Material, string CalendarVersion), DecisionBasis> BasisCache = new();

    /// <summary>Decides on the bundled rulebooks and the bundled public calendar.</summary>
    public static CloudUseDecision Evaluate(CloudUseScenario scenario) => Evaluate(scenario, HolidayCalendar.Default);

    /// <summary>Decides with a calendar that may carry administrator-added holidays.</summary>
    public static CloudUseDecision Evaluate(CloudUseScenario scenario, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(calendar);
        var rulebook = RulebookLibrary.CloudUseInForce(scenario.AsOf);
        var materiality = Materiality(rulebook, scenario.Workload);
        var tier = rulebook.Tier(materiality.Material);
        var deadlines = Deadlines(tier.Report, scenario, calendar, out var firstDue);
        var p = tier.Procedure;
        return new CloudUseDecision(
            new RegimeReference(rulebook.Id),
            materiality,
            new CloudUseProcedure(
                p.ImportanceAssessment.Requirement,
                p.BusinessContinuityPlan.Requirement,
                p.SecurityMeasures.Requirement,
                p.OutsourcingStandards.Requirement,
                p.CspEvaluation.Requirement,
                p.CommitteeResolution.Requirement),
            new CspEvaluationScope(
                tier.ItemsInScope,
                rulebook.FsiResultReuse && scenario.Csp.FsiEvaluation?.Result == FsiEvaluationResult.Pass),
            new SupervisorReport(tier.Report.Kind, firstDue),
            deadlines,
            tier.Citations)
        {
            Basis = BasisCache.GetOrAdd((rulebook.Id, materiality.Material, calendar.Version), static (key, rulebook) => Basis(rulebook, rulebook.Tier(key.Material), key.CalendarVersion), rulebook),
        };
    }

    /// <summary>ED-2: every hard trigger that holds, then the institution's own verdict; it can add, never remove.</summary>
    public static MaterialityVerdict Materiality(CloudUseRulebook rulebook, Workload workload)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        ArgumentNullException.ThrowIfNull(workload);
        var reasons = new List<MaterialityReason>(2);
        foreach (var trigger in rulebook.HardTriggers)
        {
            var holds = trigger switch
            {
                MaterialityReason.UniqueIdentifiers => workload.ProcessesUniqueIdentifiers,
                MaterialityReason.PersonalCreditInfo => workload.ProcessesPersonalCreditInfo,
                MaterialityReason.MaterialEfImpact => workload.MaterialImpactOnElectronicFinance,
                MaterialityReason.SelfAssessed => workload.SelfAssessedMaterial == true,
                _ => false,
            };
            if (holds)
            {
                reasons.Add(trigger);
            }
        }

        if (workload.SelfAssessedMaterial == true && !reasons.Contains(MaterialityReason.SelfAssessed))
        {
            reasons.Add(MaterialityReason.SelfAssessed);
        }

        return new MaterialityVerdict(reasons.Count > 0, reasons);
    }

    /// <summary>
    /// Every report obligation with its due date; <paramref name="firstDue"/> is the first trigger's
    /// (<c>supervisorReport.dueBy</c>): the contract, or before 2023 the first day of use.
    /// </summary>
    private static List<ReportDeadline> Deadlines(ReportRule report, CloudUseScenario scenario, HolidayCalendar calendar, out DateOnly? firstDue)
    {
        firstDue = null;
        switch (report.Deadline)
        {
            case DeadlineRule.BusinessDaysBeforeUsage:
                // ED-6: step back N 관공서 business days from the first day of use, that day not counted.
                var usage = scenario.Contract.UsageStartOn;
                firstDue = usage is { } u ? calendar.AddBusinessDays(u, -report.Amount) : null;
                return [new ReportDeadline(CloudUseEventType.NewContract, firstDue)];

            case DeadlineRule.MonthsAfterTrigger:
                // ED-7/ED-8: the contract signing and each later event start their own period.
                firstDue = Due(scenario.Contract.SignedOn);
                var list = new List<ReportDeadline>(1 + scenario.Events.Count)
                {
                    new(CloudUseEventType.NewContract, firstDue),
                };
                foreach (var e in scenario.Events)
                {
                    if (Contains(report.Triggers, e.Type))
                    {
                        list.Add(new ReportDeadline(e.Type, Due(e.On)));
                    }
                }

                SortByDueDate(list);
                return list;

            case DeadlineRule.None:
            case DeadlineRule.OutsideScope:
            default:
                return [];
        }

        DateOnly? Due(DateOnly? trigger) => trigger is { } t ? CivilPeriod.DueAfterMonths(t, report.Amount, calendar) : null;
    }

    /// <summary>
    /// Sorted by due date, unknown dates last; equal dates keep their input order. An insertion sort: the lists are
    /// a handful long, and it allocates nothing (List.Sort is not stable).
    /// </summary>
    private static void SortByDueDate(List<ReportDeadline> list)
    {
        for (var i = 1; i < list.Count; i++)
        {
            var item = list[i];
            var j = i - 1;
            while (j >= 0 && Later(list[j].DueBy, item.DueBy))
            {
                list[j + 1] = list[j];
                j--;
            }

            list[j + 1] = item;
        }

        static bool Later(DateOnly? a, DateOnly? b) => a is { } x ? b is { } y && x > y : b is not null;
    }

    private static bool Contains(IReadOnlyList<CloudUseEventType> triggers, CloudUseEventType type)
    {
        for (var i = 0; i < triggers.Count; i++)
        {
            if (triggers[i] == type)
            {
                return true;
            }
        }

        return false;
    }

    private static DecisionBasis Basis(CloudUseRulebook rulebook, CloudUseTier tier, string calendarVersion)
    {
        var provisions = new Provision[tier.ProvisionKeys.Count];
        for (var i = 0; i < provisions.Length; i++)
        {
            provisions[i] = rulebook.Provision(tier.ProvisionKeys[i]);
        }

        return new DecisionBasis(
            rulebook.Id,
            rulebook.EffectiveFrom,
            rulebook.EffectiveUntil,
            rulebook.Instrument,
            provisions,
            rulebook.EncodingDecisions,
            calendarVersion);
    }
}
