using System.Globalization;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.CloudUse;

/// <summary>One task of a cloud-use workflow. <see cref="Key"/> is stable: re-planning after a fact changes keeps the key of every task that still applies.</summary>
public sealed record CloudUseTask(
    string Key,
    string TitleKo,
    string TitleEn,
    StepRequirement Requirement,
    IReadOnlyList<string> DependsOn,
    DateOnly? DueBy,
    IReadOnlyList<string> Evidence,
    string Citation,
    Confidence Confidence,
    string? Note = null);

/// <summary>The tasks a decision asks for, in dependency order, with the versions they were planned on.</summary>
public sealed record TaskPlan(string RegimeId, string CalendarVersion, IReadOnlyList<CloudUseTask> Tasks);

/// <summary>Turns a decision into the task plan the cloud-use workflow runs (S1's order; ED-3, ED-6, ED-7, ED-12, ED-13).</summary>
public static class TaskPlanner
{
    public const string ImportanceAssessment = "importance-assessment";
    public const string BusinessContinuityPlan = "business-continuity-plan";
    public const string SecurityMeasures = "security-measures";
    public const string OutsourcingStandards = "outsourcing-standards";
    public const string CspEvaluation = "csp-evaluation";
    public const string DomesticLocation = "domestic-location";
    public const string CommitteeResolution = "committee-resolution";
    public const string BoardReport = "board-report";
    public const string CloudContract = "cloud-contract";

    /// <summary>Plans the tasks; pass the calendar the decision was made on when it carries added holidays.</summary>
    public static TaskPlan Plan(CloudUseDecision decision, CloudUseScenario scenario, Calendar.HolidayCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(scenario);
        calendar ??= Calendar.HolidayCalendar.Default;
        var rulebook = RulebookLibrary.CloudUse.Single(r => r.Id == decision.Regime.Id);
        var tier = rulebook.Tier(decision.Materiality.Material);
        var steps = tier.Procedure;
        var tasks = new List<CloudUseTask>();
        var beforeCommittee = new List<string>();

        void Step(string key, StepRule rule, StepRequirement requirement, string ko, string en, string[] evidence, string[] dependsOn, string? note = null)
        {
            if (requirement == StepRequirement.NotRequired)
            {
                return;
            }

            var provision = rulebook.Provision(rule.Provision);
            tasks.Add(new CloudUseTask(key, ko, en, requirement, dependsOn, null, evidence, provision.Citation, provision.Confidence,
                requirement == StepRequirement.Relaxed ? Join("비중요업무: 점검 항목을 기관이 자체 조정할 수 있음 (△, ED-3)", note) : note));
            beforeCommittee.Add(key);
        }

        var p = decision.Procedure;
        var reasons = string.Join(", ", decision.Materiality.Reasons.Select(Korean.Reason));
        Step(ImportanceAssessment, steps.ImportanceAssessment, p.ImportanceAssessment, "업무 중요도 평가", "Importance assessment",
            ["업무 중요도 평가서 (판단 사유와 근거)", "정보보호위원회 등 내부 심의 기록"], [],
            decision.Materiality.Material ? $"중요업무: {reasons}" : "비중요업무: 하드 트리거 없음 (ED-2)");
        Step(BusinessContinuityPlan, steps.BusinessContinuityPlan, p.BusinessContinuityPlan, "업무연속성 계획 수립", "Business continuity plan",
            ["업무연속성 계획 (백업, 재해복구, 침해사고 대응훈련 계획)", "출구전략 (데이터 반환·파기, 계약 해지·중단·변경)"], [ImportanceAssessment]);
        Step(SecurityMeasures, steps.SecurityMeasures, p.SecurityMeasures, "안전성 확보조치 수립", "Security measures",
            ["안전성 확보조치 방안 (계정 관리, 접근 통제 등)"], [ImportanceAssessment]);
        Step(OutsourcingStandards, steps.OutsourcingStandards, p.OutsourcingStandards, "업무위수탁 운영기준 보완", "Outsourcing standards",
            ["업무위수탁 운영기준 보완사항 (별표 2의3: 계약 결정·해지, 재위탁, 모니터링, 비상대책, 조사·접근권)"], [ImportanceAssessment]);
        var fsi = decision.CspEvaluation.FsiResultReusable;
        Step(CspEvaluation, steps.CspEvaluation, p.CspEvaluation, "CSP 건전성·안전성 평가", "CSP soundness and safety evaluation",
            fsi
                ? ["금융보안원 CSP 평가 결과(적합) 사본", "평가 범위가 이용 서비스를 포함한다는 확인"]
                : [string.Create(CultureInfo.InvariantCulture, $"평가항목 {decision.CspEvaluation.ItemsInScope}개 평가 결과 (인증으로 갈음한 항목은 인증서 사본)")],
            [ImportanceAssessment],
            fsi ? $"금융보안원 평가 결과 활용 가능 ({scenario.Csp.FsiEvaluation?.Date:yyyy-MM-dd}, ED-5)" : null);

        if (scenario.Workload.ProcessesUniqueIdentifiers || scenario.Workload.ProcessesPersonalCreditInfo)
        {
            var provision = rulebook.Provision("domestic-location");
            tasks.Add(new CloudUseTask(DomesticLocation, "정보처리시스템 국내 설치 확인", "Domestic location check", StepRequirement.Required, [], null,
                ["CSP 리전·관리 시스템 소재지 확인서 (모든 리전이 국내)"], provision.Citation, provision.Confidence,
                "고유식별정보·개인신용정보 처리 (ED-13); 외국 금융회사 국내지점 예외는 수동 검토"));
            beforeCommittee.Add(DomesticLocation);
        }

        var committee = rulebook.Provision(steps.CommitteeResolution.Provision);
        tasks.Add(new CloudUseTask(CommitteeResolution, "정보보호위원회 심의·의결", "Security committee resolution", p.CommitteeResolution, [.. beforeCommittee],
            scenario.Contract.SignedOn, ["정보보호위원회 의결서 (의결일, 안건, 조건)"], committee.Citation, committee.Confidence,
            "계약 체결 전에 의결 (ED-12); 의결 전 계약은 지적사항으로 기록"));

        var board = RulebookLibrary.BoardReporting.InForce(scenario.AsOf);
        if (board is { CisoReportsToBoard: true } && decision.Materiality.Material)
        {
            tasks.Add(new CloudUseTask(BoardReport, "CISO 이사회 보고", "CISO report to the board", StepRequirement.Required, [CommitteeResolution], null,
                ["이사회 보고 기록 (보고일, 보고 안건)"], board.Provision.Citation, board.Provision.Confidence,
                "전자금융의 안전성·신뢰성에 중요한 영향이 있다고 CISO가 판단하는 의결사항 (2025-08-05부터)"));
        }

        tasks.Add(new CloudUseTask(CloudContract, "클라우드 이용계약 체결", "Cloud contract", StepRequirement.Required, [CommitteeResolution], null,
            ["클라우드 이용계약서 (필수 기재사항 포함)"], committee.Citation, committee.Confidence,
            scenario.Contract.SignedOn is { } signed ? $"체결 예정일 {signed:yyyy-MM-dd}" : null));

        tasks.AddRange(Reports(decision, scenario, rulebook, tier, calendar));
        return new TaskPlan(decision.Regime.Id, decision.Basis.CalendarVersion, tasks);
    }

    private static IEnumerable<CloudUseTask> Reports(CloudUseDecision decision, CloudUseScenario scenario, CloudUseRulebook rulebook, CloudUseTier tier, Calendar.HolidayCalendar calendar)
    {
        var report = tier.Report;
        if (report.Provision is null || report.Kind == SupervisorReportKind.None)
        {
            yield break;
        }

        var provision = rulebook.Provision(report.Provision);
        switch (report.Deadline)
        {
            case DeadlineRule.BusinessDaysBeforeUsage:
                yield return new CloudUseTask("supervisor-report:pre-report", "금융감독원 사전보고", "Pre-report to the FSS", StepRequirement.Required,
                    [CommitteeResolution], decision.SupervisorReport.DueBy,
                    ["금융감독원 보고서 (정보처리 위탁 보고 서식 겸용)", "제14조의2④ 첨부서류"], provision.Citation, provision.Confidence,
                    string.Create(CultureInfo.InvariantCulture, $"이용 개시일 {scenario.Contract.UsageStartOn:yyyy-MM-dd}의 {report.Amount}영업일 전 (개시일 불산입, ED-6)"));
                break;

            case DeadlineRule.OutsideScope:
                yield return new CloudUseTask("supervisor-report:outsourcing-post-report", "정보처리 위탁 사후보고", "Outsourcing post-report", StepRequirement.Required,
                    [CloudContract], null, ["「금융회사의 정보처리 업무 위탁에 관한 규정」에 따른 보고서"], provision.Citation, provision.Confidence,
                    "기한은 위탁규정에 따름 (이 판단의 범위 밖)");
                break;

            case DeadlineRule.MonthsAfterTrigger:
                string[] evidence = ["금융감독원 보고서 (제14조의2⑤ 서식)", "첨부: 중요도 평가, CSP 평가 결과(또는 금융보안원 결과), 업무연속성 계획, 안전성 확보조치, 위원회 의결서, 계약서 [R]"];
                yield return new CloudUseTask("supervisor-report:new-contract", "금융감독원 보고 (신규 계약)", "FSS report (new contract)", StepRequirement.Required,
                    [CloudContract], decision.SupervisorReport.DueBy, evidence, provision.Citation, provision.Confidence,
                    scenario.Contract.SignedOn is { } s ? $"계약 체결일 {s:yyyy-MM-dd}부터 {report.Amount}개월 (민법 제157·160·161조, ED-8)" : "계약 체결일 미정");
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var e in scenario.Events)
                {
                    if (!report.Triggers.Contains(e.Type))
                    {
                        continue;
                    }

                    var type = System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(e.Type.ToString());
                    var key = string.Create(CultureInfo.InvariantCulture, $"supervisor-report:{type}:{e.On:yyyy-MM-dd}");
                    seen[key] = seen.GetValueOrDefault(key) + 1;
                    if (seen[key] > 1)
                    {
                        key += string.Create(CultureInfo.InvariantCulture, $"#{seen[key]}");
                    }

                    yield return new CloudUseTask(key, $"금융감독원 보고 ({Korean.Event(e.Type)})", $"FSS report ({type})", StepRequirement.Required,
                        [CloudContract], Calendar.CivilPeriod.DueAfterMonths(e.On, report.Amount, calendar), evidence, provision.Citation, provision.Confidence,
                        $"사유 발생일 {e.On:yyyy-MM-dd}부터 {report.Amount}개월 (보고 사유 목록 [3P], ED-7)");
                }

                break;

            case DeadlineRule.None:
            default:
                break;
        }
    }

    private static string Join(string first, string? second) => second is null ? first : $"{first}; {second}";
}
