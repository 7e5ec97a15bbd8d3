using System.Text.Json.Nodes;

namespace FinCloud.Cli.Tests.Rules;

public sealed class RulesExplainAndPlanTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "cloud-use", name);

    [Fact]
    public async Task Explain_prints_the_decision_in_korean_with_citations()
    {
        var result = await Fincloud.RunAsync("rules", "explain", "--input", Fixture("cloud-use-prereport-2022.scenario.json"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("사전보고");
        result.Stdout.ShouldContain("기한 2022-02-21");
        result.Stdout.ShouldContain("「금융회사의 정보처리 업무 위탁에 관한 규정」 제7조");
    }

    [Fact]
    public async Task Explain_reports_bad_input_like_evaluate()
    {
        var result = await Fincloud.RunWithInputAsync("{\"kind\":\"cloud-use\",\"asOf\":\"2024-02-30\"}", "rules", "explain", "--input", "-");

        RulesEvaluateTests.AssertInputError(result, "invalid-date", "$.asOf");
    }

    [Fact]
    public async Task Plan_prints_tasks_with_stable_keys_and_due_dates()
    {
        var result = await Fincloud.RunAsync("rules", "plan", "--input", Fixture("cloud-use-events-2024.scenario.json"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        var tasks = JsonNode.Parse(result.Stdout)!["tasks"]!.AsArray();
        tasks.ShouldContain(t => t!["key"]!.GetValue<string>() == "supervisor-report:new-work:2024-07-08" && t["dueBy"]!.GetValue<string>() == "2024-10-08");
        tasks.ShouldContain(t => t!["key"]!.GetValue<string>() == "committee-resolution" && t["requirement"]!.GetValue<string>() == "required");
    }

    [Fact]
    public async Task Decisions_lists_every_reading_and_prints_one_in_full()
    {
        var list = await Fincloud.RunAsync("rules", "decisions");
        list.ExitCode.ShouldBe(0, list.Stderr);
        var lines = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(l => l.Split('\t')[0]).ShouldBe(Enumerable.Range(1, 22).Select(n => $"ED-{n}"));

        var one = await Fincloud.RunAsync("rules", "decisions", "ed-8");
        one.ExitCode.ShouldBe(0, one.Stderr);
        one.Stdout.ShouldStartWith("ED-8 월 단위 기간은 민법");
        one.Stdout.ShouldContain("2023-05-31");
        one.Stdout.ShouldContain("Periods in months");

        RulesEvaluateTests.AssertInputError(await Fincloud.RunAsync("rules", "decisions", "ED-99"), "not-found", "$.id");
    }
}
