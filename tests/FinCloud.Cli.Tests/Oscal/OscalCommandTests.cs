using System.Text.Json;
using System.Text.Json.Nodes;

namespace FinCloud.Cli.Tests.Oscal;

public sealed class OscalCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("fincloud-oscal-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Save(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static async Task<string> ExportAsync(string id)
    {
        var result = await Fincloud.RunAsync("oscal", "export-catalog", "--id", id);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return result.Stdout;
    }

    [Theory]
    [InlineData("csp/2019")]
    [InlineData("csp/2023")]
    [InlineData("network-separation/saas-standing/2026-04-20")]
    public async Task An_exported_catalog_validates_against_the_subset_schema(string id)
    {
        var result = await Fincloud.RunAsync("oscal", "validate", Save("c.json", await ExportAsync(id)));
        result.ExitCode.ShouldBe(0, result.Stdout + result.Stderr);
        var json = Json(result.Stdout);
        json.GetProperty("valid").GetBoolean().ShouldBeTrue();
        json.GetProperty("model").GetString().ShouldBe("catalog");
    }

    [Fact]
    public async Task A_catalog_without_uuid_is_invalid_with_exit_3_and_the_path()
    {
        var node = JsonNode.Parse(await ExportAsync("csp/2023"))!;
        node["catalog"]!.AsObject().Remove("uuid");
        var result = await Fincloud.RunAsync("oscal", "validate", Save("bad.json", node.ToJsonString()));
        result.ExitCode.ShouldBe(3);
        var json = Json(result.Stdout);
        json.GetProperty("valid").GetBoolean().ShouldBeFalse();
        json.GetProperty("errors")[0].GetProperty("path").GetString().ShouldBe("$.catalog");
    }

    [Fact]
    public async Task Validate_uses_a_schema_the_user_supplies()
    {
        // A user's own schema (draft-07, as the NIST files are) that demands a property FinCloud never writes.
        var schema = Save("their.schema.json", """
            {"$schema":"http://json-schema.org/draft-07/schema#","type":"object","required":["catalog"],
             "properties":{"catalog":{"type":"object","required":["uuid","back-matter"]}}}
            """);
        var result = await Fincloud.RunAsync("oscal", "validate", Save("c.json", await ExportAsync("csp/2023")), "--schema", schema);
        result.ExitCode.ShouldBe(3, result.Stderr);
        var json = Json(result.Stdout);
        json.GetProperty("schema").GetString().ShouldBe("their.schema.json");
        json.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("back-matter");
    }

    [Fact]
    public async Task Import_writes_the_catalogue_version_in_rulebook_form()
    {
        var result = await Fincloud.RunAsync("oscal", "import-catalog", Save("c.json", await ExportAsync("csp/2023")));
        result.ExitCode.ShouldBe(0, result.Stderr);
        var json = Json(result.Stdout);
        json.GetProperty("catalogue").GetProperty("id").GetString().ShouldBe("2023");
        json.GetProperty("catalogue").GetProperty("items").GetArrayLength().ShouldBe(54);
        json.GetProperty("structureDifferences").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Import_of_a_broken_catalog_exits_2_with_a_json_error_and_nothing_on_stdout()
    {
        var node = JsonNode.Parse(await ExportAsync("csp/2023"))!;
        node["catalog"]!["groups"]![0]!["controls"]![0]!["id"] = "1 bad id";
        var result = await Fincloud.RunAsync("oscal", "import-catalog", Save("bad.json", node.ToJsonString()));
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        var error = Json(result.Stderr).GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe("schema-invalid");
        error.GetProperty("path").GetString().ShouldBe("$.catalog.groups[0].controls[0].id");
    }

    [Theory]
    [InlineData("no-file", "oscal", "validate", "/nonexistent/x.json")]
    [InlineData("unknown-catalogue", "oscal", "export-catalog", "--id", "csp/1999")]
    public async Task Bad_input_exits_2_with_the_contract_error(string code, params string[] args)
    {
        var result = await Fincloud.RunAsync(args);
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        Json(result.Stderr).GetProperty("error").GetProperty("code").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task A_document_that_is_not_json_is_bad_input()
    {
        var result = await Fincloud.RunAsync("oscal", "validate", Save("x.json", "{ nope"));
        result.ExitCode.ShouldBe(2);
        Json(result.Stderr).GetProperty("error").GetProperty("code").GetString().ShouldBe("not-json");
    }
}
