using System.Globalization;
using System.Text;
using FinCloud.Rules.Calendar;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.CloudUse;

/// <summary>The decision as readable Korean text, each requirement with its citation and confidence tag.</summary>
public static class DecisionExplainer
{
    public static string Explain(CloudUseScenario scenario, CloudUseDecision decision, HolidayCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(decision);
        calendar ??= HolidayCalendar.Default;
        var rulebook = RulebookLibrary.CloudUse.Single(r => r.Id == decision.Regime.Id);
        var tier = rulebook.Tier(decision.Materiality.Material);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        string Cite(string key)
        {
            var p = rulebook.Provision(key);
            var eds = p.EncodingDecisions is { Count: > 0 } e ? $"; 해석 {string.Join(", ", e)}" : string.Empty;
            return $"{p.Citation} {p.Confidence.Tag()}{eds}";
        }

        var w = scenario.Workload;
        Line($"클라우드 이용 판단: {w.Name} ({scenario.Csp.Name}, {Korean.Model(w.ServiceModel)})");
        var until = rulebook.EffectiveUntil is { } u ? u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "현재";
        Line($"기준일 {scenario.AsOf:yyyy-MM-dd} · 적용 규정: {rulebook.Instrument} {rulebook.Id} 시행 버전 ({rulebook.EffectiveFrom:yyyy-MM-dd} ~ {until})");
        Line($"  {rulebook.Amendment}");
        Line();

        Line(decision.Materiality.Material ? "1. 업무 중요도: 중요업무" : "1. 업무 중요도: 비중요업무");
        Line(decision.Materiality.Material
            ? $"   사유: {string.Join(", ", decision.Materiality.Reasons.Select(Korean.Reason))}"
            : "   사유: 고유식별정보·개인신용정보 처리나 전자금융거래에 대한 중요한 영향이 없고, 기관 자체 판단도 중요업무가 아님");
        Line($"   근거: {Cite(tier.Procedure.ImportanceAssessment.Provision)}; 하드 트리거는 자체 판단으로 없앨 수 없음 (ED-2)");
        Line();

        Line("2. 이용 절차");
        var p = decision.Procedure;
        var steps = tier.Procedure;
        (string Name, StepRequirement Requirement, StepRule Rule)[] rows =
        [
            ("업무 중요도 평가", p.ImportanceAssessment, steps.ImportanceAssessment),
            ("업무연속성 계획 수립", p.BusinessContinuityPlan, steps.BusinessContinuityPlan),
            ("안전성 확보조치 수립", p.SecurityMeasures, steps.SecurityMeasures),
            ("업무위수탁 운영기준 보완", p.OutsourcingStandards, steps.OutsourcingStandards),
            ("CSP 건전성·안전성 평가", p.CspEvaluation, steps.CspEvaluation),
            ("정보보호위원회 심의·의결", p.CommitteeResolution, steps.CommitteeResolution),
        ];
        foreach (var (name, requirement, rule) in rows)
        {
            Line($"   - {name}: {Korean.Requirement(requirement)}");
            Line($"     근거: {Cite(rule.Provision)}");
        }

        Line("   정보보호위원회 의결은 클라우드 이용계약 체결 전에 이루어져야 함 (ED-12)");
        Line();

        Line("3. CSP 건전성·안전성 평가 범위");
        var split = decision.CspEvaluation.ItemsInScope switch
        {
            141 => " (기본보호조치 109 + 금융부문 추가보호조치 32)",
            54 => " (필수 16 + 대체 38)",
            16 => " (필수항목만)",
            _ => string.Empty,
        };
        Line($"   평가 대상 항목: {decision.CspEvaluation.ItemsInScope}개{split}, 인증·금융보안원 결과 활용 전 기준");
        if (decision.CspEvaluation.FsiResultReusable)
        {
            Line($"   금융보안원 평가 결과(적합, {scenario.Csp.FsiEvaluation!.Date:yyyy-MM-dd})를 기관 자체 평가 대신 활용할 수 있음 — {Cite("fsi-reuse")}");
        }
        else if (!rulebook.FsiResultReuse)
        {
            Line("   이 버전에서는 금융보안원 평가 결과 활용 제도가 없음 (ED-5)");
        }
        else
        {
            Line("   활용할 수 있는 금융보안원 적합 결과가 없음: 기관이 직접 평가 (ED-5)");
        }

        Line($"   근거: {Cite(tier.Procedure.CspEvaluation.Provision)}");
        Line();

        Line($"4. 금융감독원 보고: {Korean.Report(decision.SupervisorReport.Kind)}");
        var report = tier.Report;
        switch (report.Deadline)
        {
            case DeadlineRule.BusinessDaysBeforeUsage:
                Line(scenario.Contract.UsageStartOn is { } usage
                    ? $"   기한 {decision.SupervisorReport.DueBy:yyyy-MM-dd}: 이용 개시일 {usage:yyyy-MM-dd}의 {report.Amount}영업일 전 (개시일 불산입, 관공서 영업일)"
                    : "   기한 미정: 이용 개시일이 정해지지 않음");
                break;
            case DeadlineRule.MonthsAfterTrigger:
                var triggers = new List<(string Label, DateOnly? On)> { ("신규 계약", scenario.Contract.SignedOn) };
                triggers.AddRange(scenario.Events.Where(e => report.Triggers.Contains(e.Type)).Select(e => (Korean.Event(e.Type), (DateOnly?)e.On)));
                foreach (var (label, on) in triggers.OrderBy(t => t.On is null).ThenBy(t => t.On is { } d ? CivilPeriod.DueAfterMonths(d, report.Amount, calendar) : default))
                {
                    if (on is not { } day)
                    {
                        Line($"   - {label}: 사유 발생일 미정, 기한 미정");
                        continue;
                    }

                    var end = CivilPeriod.EndOfMonths(day, report.Amount);
                    var due = CivilPeriod.DueAfterMonths(day, report.Amount, calendar);
                    var roll = due == end ? string.Empty : $"; 기간 말일 {end:yyyy-MM-dd}({Weekday(end)})이 토요일·공휴일이므로 다음 영업일";
                    Line($"   - {label} ({day:yyyy-MM-dd}) → 기한 {due:yyyy-MM-dd}({Weekday(due)}): 초일 불산입, {report.Amount}개월{roll}");
                }

                Line($"   기간 계산: {Cite("civil-code-period")}");
                break;
            case DeadlineRule.OutsideScope:
                Line("   비중요업무: 「금융회사의 정보처리 업무 위탁에 관한 규정」에 따라 사후보고 (기한은 이 판단의 범위 밖)");
                break;
            case DeadlineRule.None:
            default:
                Line("   비중요업무는 금융감독원 보고 대상이 아님 (ED-7: 법문 확인 필요)");
                break;
        }

        if (report.Provision is not null)
        {
            Line($"   근거: {Cite(report.Provision)}");
        }

        Line();
        Line("5. 근거 조항");
        foreach (var citation in decision.Citations)
        {
            Line($"   - {citation}");
        }

        var unverified = decision.Basis.Provisions.Where(x => x.Confidence.IsUnverified()).ToList();
        if (unverified.Count > 0)
        {
            Line();
            Line("미확인 근거 (법령 원문 확인 전까지 잠정):");
            foreach (var x in unverified)
            {
                Line($"   - {x.Citation} {x.Confidence.Tag()}{(x.Note is null ? string.Empty : $": {x.Note}")}");
            }
        }

        Line();
        Line($"달력 버전 {decision.Basis.CalendarVersion} (관공서 공휴일 기준)");
        return text.ToString();
    }

    private static string Weekday(DateOnly day) => "일월화수목금토"[(int)day.DayOfWeek].ToString();
}
