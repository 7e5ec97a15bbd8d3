using System.Text.Json;
using System.Text.Json.Nodes;

namespace FinCloud.Cli.Tests.Rules;

/// <summary>The contract examples and the error contract of <c>fincloud rules evaluate</c>, through the real process.</summary>
public sealed class RulesEvaluateTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "cloud-use", name);

    public static TheoryData<string> Cases() =>
        ["cloud-use-events-2024", "cloud-use-material-2023", "cloud-use-nonmaterial-2025", "cloud-use-prereport-2022"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_contract_example_scenario_gives_exactly_its_decision(string name)
    {
        var result = await Fincloud.RunAsync("rules", "evaluate", "--input", Fixture($"{name}.scenario.json"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stderr.ShouldBeEmpty();
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(File.ReadAllText(Fixture($"{name}.decision.json")))).ShouldBeTrue(result.Stdout);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_scenario_can_come_from_stdin(string name)
    {
        var result = await Fincloud.RunWithInputAsync(File.ReadAllText(Fixture($"{name}.scenario.json")), "rules", "evaluate", "--input", "-");

        result.ExitCode.ShouldBe(0, result.Stderr);
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(File.ReadAllText(Fixture($"{name}.decision.json")))).ShouldBeTrue(result.Stdout);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_contract_example_file_is_accepted_as_it_is(string name)
    {
        var example = JsonNode.Parse(File.ReadAllText(Fixture($"{name}.json")))!;

        var result = await Fincloud.RunAsync("rules", "evaluate", "--input", Fixture($"{name}.json"));

        result.ExitCode.ShouldBe(0, result.Stderr);
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), example["decision"]).ShouldBeTrue(result.Stdout);
    }

    [Fact]
    public async Task With_basis_adds_the_rulebook_provisions_and_confidence_tags()
    {
        var result = await Fincloud.RunAsync("rules", "evaluate", "--input", Fixture("cloud-use-nonmaterial-2025.scenario.json"), "--with-basis");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var basis = JsonNode.Parse(result.Stdout)!["basis"]!;
        basis["regimeId"]!.GetValue<string>().ShouldBe("2025-02-05");
        basis["provisions"]!.AsArray().ShouldContain(p => p!["confidence"]!.GetValue<string>() == "3P");
        basis["unverified"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Theory]
    [InlineData("{\"kind\": \"cloud-use\",", "malformed-json", null)]
    [InlineData("{\"kind\": \"cloud-use\", \"asOf\": \"2023-02-30\"}", "invalid-date", "$.asOf")]
    [InlineData("{\"kind\": \"cloud-use\", \"asOf\": \"2023-02-03\"}", "missing-field", "$.institution")]
    [InlineData("{\"kind\": \"cloud-usage\"}", "unknown-enum", "$.kind")]
    [InlineData("[1, 2]", "invalid-type", "$")]
    public async Task Bad_input_exits_2_with_a_json_error_naming_the_path(string input, string code, string? path)
    {
        var result = await Fincloud.RunWithInputAsync(input, "rules", "evaluate", "--input", "-");

        AssertInputError(result, code, path);
    }

    [Theory]
    [InlineData("$.workload.serviceModel", "\"faas\"", "unknown-enum")]
    [InlineData("$.institution.sector", "\"bigtech\"", "unknown-enum")]
    [InlineData("$.csp.fsiEvaluation.result", "\"적합\"", "unknown-enum")]
    [InlineData("$.contract.signedOn", "\"2023-04-31\"", "invalid-date")]
    [InlineData("$.contract.usageStartOn", "\"next monday\"", "invalid-date")]
    [InlineData("$.workload.processesPersonalCreditInfo", "\"yes\"", "invalid-type")]
    [InlineData("$.workload.serviceModel", "null", "missing-field")]
    [InlineData("$.csp.name", "null", "missing-field")]
    [InlineData("$.events", "[{\"type\": \"merger\", \"on\": \"2024-05-20\"}]", "unknown-enum")]
    public async Task A_bad_value_anywhere_in_the_scenario_is_named_by_its_path(string path, string replacement, string code)
    {
        var scenario = JsonNode.Parse(File.ReadAllText(Fixture("cloud-use-events-2024.scenario.json")))!.AsObject();
        var segments = path[2..].Split('.');
        var parent = segments[..^1].Aggregate((JsonNode)scenario, (node, key) => node[key]!);
        parent[segments[^1]] = JsonNode.Parse(replacement);

        var result = await Fincloud.RunWithInputAsync(scenario.ToJsonString(), "rules", "evaluate", "--input", "-");

        AssertInputError(result, code, path == "$.events" ? "$.events[0].type" : path);
    }

    [Fact]
    public async Task A_missing_required_field_is_named_by_its_path()
    {
        var scenario = JsonNode.Parse(File.ReadAllText(Fixture("cloud-use-material-2023.scenario.json")))!.AsObject();
        scenario["workload"]!.AsObject().Remove("materialImpactOnElectronicFinance");

        var result = await Fincloud.RunWithInputAsync(scenario.ToJsonString(), "rules", "evaluate", "--input", "-");

        AssertInputError(result, "missing-field", "$.workload.materialImpactOnElectronicFinance");
    }

    [Fact]
    public async Task An_as_of_date_before_2019_is_out_of_scope()
    {
        var scenario = JsonNode.Parse(File.ReadAllText(Fixture("cloud-use-material-2023.scenario.json")))!.AsObject();
        scenario["asOf"] = "2018-06-01";

        var result = await Fincloud.RunWithInputAsync(scenario.ToJsonString(), "rules", "evaluate", "--input", "-");

        AssertInputError(result, "out-of-scope", "$.asOf");
    }

    [Fact]
    public async Task A_missing_input_file_is_an_input_error()
    {
        var result = await Fincloud.RunAsync("rules", "evaluate", "--input", "/nonexistent/scenario.json");

        AssertInputError(result, "input-not-readable", null);
    }

    [Fact]
    public async Task Help_shows_examples()
    {
        var result = await Fincloud.RunAsync("rules", "evaluate", "--help");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("fincloud rules evaluate --input -");
    }

    internal static void AssertInputError(Fincloud.Result result, string code, string? path)
    {
        result.ExitCode.ShouldBe(2, result.Stderr);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldNotContain("   at ");
        using var error = JsonDocument.Parse(result.Stderr);
        var e = error.RootElement.GetProperty("error");
        e.GetProperty("code").GetString().ShouldBe(code);
        e.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        if (path is not null)
        {
            e.GetProperty("path").GetString().ShouldBe(path);
        }
    }
}
