using FinCloud.Rules.CloudUse;
using static FinCloud.Rules.Tests.CloudUse.Scenarios;

namespace FinCloud.Rules.Tests.CloudUse;

public sealed class DecisionExplainerTests
{
    private static string Explain(CloudUseScenario scenario) => DecisionExplainer.Explain(scenario, CloudUseRules.Evaluate(scenario));

    [Fact]
    public void The_explanation_names_the_regime_and_every_step_with_its_citation()
    {
        var text = Explain(Material(D(2024, 3, 4), D(2024, 3, 11), D(2024, 4, 1)));

        text.ShouldContain("2023-01-01 시행 버전");
        text.ShouldContain("업무연속성 계획 수립: 필수");
        text.ShouldContain("업무위수탁 운영기준 보완: 해당 없음");
        text.ShouldContain("전자금융감독규정 제14조의2④ [V]");
        text.ShouldContain("기한 2024-06-11(화)");
    }

    [Fact]
    public void A_rolled_deadline_explains_why_it_moved()
    {
        var text = Explain(Material(D(2025, 7, 1), D(2025, 7, 3), D(2025, 8, 1)));

        text.ShouldContain("기한 2025-10-10(금)");
        text.ShouldContain("기간 말일 2025-10-03(금)이 토요일·공휴일이므로 다음 영업일");
    }

    [Fact]
    public void Unverified_provisions_are_listed_with_their_tags()
    {
        var text = Explain(Material(D(2025, 3, 10)));

        text.ShouldContain("미확인 근거");
        text.ShouldContain("[3P]");
    }

    [Fact]
    public void The_pre_report_explanation_counts_business_days_before_use() =>
        Explain(Material(D(2022, 9, 1), D(2022, 9, 20), D(2022, 10, 17))).ShouldContain("기한 2022-10-05: 이용 개시일 2022-10-17의 7영업일 전");
}
