using System.Text.Json;
using System.Text.Json.Nodes;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.Oscal;
using FinCloud.Rules.Catalogue;

namespace FinCloud.Web.Tests.Oscal;

/// <summary>OSCAL exports against FinCloud's subset schemas, and the import's refusals.</summary>
public sealed class OscalDocumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 4, 5, TimeSpan.FromHours(9));

    public static TheoryData<string> BundledIds => [.. OscalCatalogs.BundledIds];

    private static JsonNode Node<T>(T document) => JsonNode.Parse(OscalJson.Serialize(document))!;

    private static IReadOnlyList<OscalSchemaError> Errors(JsonNode node, OscalModelKind kind) => OscalSchemas.Validate(node.ToJsonString(), kind);

    private static IEnumerable<JsonNode> Controls(JsonNode catalog) =>
        (catalog["catalog"]!["groups"]?.AsArray() ?? []).SelectMany(g => g!["controls"]!.AsArray()).Concat(catalog["catalog"]!["controls"]?.AsArray() ?? [])!;

    private static string? Prop(JsonNode control, string name) =>
        control["props"]!.AsArray().FirstOrDefault(p => (string?)p!["name"] == name)?["value"]?.GetValue<string>();

    [Theory]
    [MemberData(nameof(BundledIds))]
    public void Every_bundled_catalogue_exports_as_a_catalog_the_subset_schema_accepts(string id)
    {
        var document = OscalCatalogs.ExportBundled(id, Now).ShouldNotBeNull();
        Errors(Node(document), OscalModelKind.Catalog).ShouldBeEmpty();
    }

    [Fact]
    public void The_2019_catalog_has_14_domains_and_141_items_split_into_basic_and_finance_specific()
    {
        var node = Node(OscalCatalogs.ExportBundled("csp/2019", Now)!);
        node["catalog"]!["groups"]!.AsArray().Count.ShouldBe(14);
        var controls = Controls(node).ToList();
        controls.Count.ShouldBe(141);
        controls.GroupBy(c => Prop(c, "item-group")).ToDictionary(g => g.Key!, g => g.Count())
            .ShouldBe(new Dictionary<string, int> { ["basic"] = 109, ["finance-specific"] = 32 }, ignoreOrder: true);
    }

    [Fact]
    public void The_2023_catalog_has_54_items_16_mandatory_and_38_alternative_with_certificates_and_its_source()
    {
        var node = Node(OscalCatalogs.ExportBundled("csp/2023", Now)!);
        var controls = Controls(node).ToList();
        controls.Count.ShouldBe(54);
        controls.Count(c => Prop(c, "item-class-ko") == "필수").ShouldBe(16);
        controls.Count(c => Prop(c, "item-class-ko") == "대체").ShouldBe(38);
        controls.Count(c => Prop(c, "covered-by-certificate") is not null).ShouldBe(CspCatalogues.ById("2023").Items.Count(i => i.CoveredBy.Count > 0));
        var metadata = node["catalog"]!["metadata"]!;
        metadata["oscal-version"]!.GetValue<string>().ShouldStartWith("1.1.");
        metadata["last-modified"]!.GetValue<string>().ShouldBe("2026-11-26T18:04:05+00:00");
        Prop(metadata, "confidence").ShouldBe("V");
        Prop(metadata, "certificate-coverage-confidence").ShouldBe("R");
        metadata["links"]![0]!["href"]!.GetValue<string>().ShouldBe(CspCatalogues.ById("2023").Provision.SourceUrl);
    }

    [Fact]
    public void The_same_rulebook_version_always_exports_the_same_uuids()
    {
        var a = Node(OscalCatalogs.ExportBundled("csp/2023", Now)!);
        var b = Node(OscalCatalogs.ExportBundled("csp/2023", Now.AddDays(3))!);
        a["catalog"]!["uuid"]!.GetValue<string>().ShouldBe(b["catalog"]!["uuid"]!.GetValue<string>());
        a["catalog"]!["uuid"]!.GetValue<string>()[14].ShouldBe('5');
    }

    [Fact]
    public void A_catalog_without_uuid_or_with_a_control_id_that_is_no_token_fails_the_schema_naming_both_places()
    {
        var node = Node(OscalCatalogs.ExportBundled("csp/2023", Now)!);
        node["catalog"]!.AsObject().Remove("uuid");
        node["catalog"]!["groups"]![0]!["controls"]![0]!["id"] = "1 bad id";
        var errors = Errors(node, OscalModelKind.Catalog);
        errors.ShouldContain(e => e.Path == "$.catalog" && e.Message.Contains("uuid"));
        errors.ShouldContain(e => e.Path == "$.catalog.groups[0].controls[0].id");
    }

    [Theory]
    [InlineData("oscal-version", "1.0.4")]
    [InlineData("last-modified", "2026-11-27 03:00")]
    public void Metadata_outside_oscal_1_1_with_timezone_fails_the_schema(string field, string value)
    {
        var node = Node(OscalCatalogs.ExportBundled("csp/2019", Now)!);
        node["catalog"]!["metadata"]![field] = value;
        Errors(node, OscalModelKind.Catalog).ShouldContain(e => e.Path == "$.catalog.metadata." + field);
    }

    [Fact]
    public void A_prop_value_with_a_line_break_or_a_name_that_is_no_token_fails_the_schema()
    {
        var node = Node(OscalCatalogs.ExportBundled("csp/2023", Now)!);
        node["catalog"]!["metadata"]!["props"]![0]!["value"] = "two\nlines";
        node["catalog"]!["metadata"]!["props"]![1]!["name"] = "has space";
        var errors = Errors(node, OscalModelKind.Catalog);
        errors.ShouldContain(e => e.Path == "$.catalog.metadata.props[0].value");
        errors.ShouldContain(e => e.Path == "$.catalog.metadata.props[1].name");
    }

    [Theory]
    [InlineData("2019")]
    [InlineData("2023")]
    public void An_exported_catalogue_imports_back_item_for_item(string id)
    {
        var original = CspCatalogues.ById(id);
        var imported = OscalCatalogs.ImportCsp(OscalJson.Serialize(OscalCatalogs.FromCsp(original, Now)));
        imported.Id.ShouldBe(id);
        imported.RegimeIds.ShouldBe(original.RegimeIds);
        imported.Items.Count.ShouldBe(original.Items.Count);
        // Items come back grouped by domain (the OSCAL groups), so they are compared by id.
        var byId = imported.Items.ToDictionary(i => i.Id);
        foreach (var a in original.Items)
        {
            var b = byId[a.Id];
            b.ShouldBe(a with { ServiceModels = b.ServiceModels, CoveredBy = b.CoveredBy });
            b.ServiceModels.ShouldBe(a.ServiceModels);
            b.CoveredBy.ShouldBe(a.CoveredBy);
        }

        CatalogueCsvImporter.CompareWithKnownStructure(imported, original).ShouldBeEmpty();
    }

    [Fact]
    public void Import_refuses_a_2019_class_in_the_2023_catalogue_and_a_duplicate_id_naming_each_control()
    {
        var node = Node(OscalCatalogs.ExportBundled("csp/2023", Now)!);
        var first = node["catalog"]!["groups"]![0]!["controls"]![0]!;
        first["props"]!.AsArray().Single(p => (string?)p!["name"] == "item-class")!["value"] = "basic-protection";
        var second = node["catalog"]!["groups"]![0]!["controls"]![1]!;
        second["props"]!.AsArray().Single(p => (string?)p!["name"] == "label")!["value"] = Prop(first, "label");
        var error = Should.Throw<OscalImportException>(() => OscalCatalogs.ImportCsp(node.ToJsonString()));
        error.Code.ShouldBe("not-a-csp-catalogue");
        error.Errors.ShouldContain(e => e.Path == "$.catalog.groups[0].controls[0].props" && e.Message.Contains("basic-protection"));
        error.Errors.ShouldContain(e => e.Path == "$.catalog.groups[0].controls[1].id" && e.Message.Contains("Duplicate"));
    }

    [Theory]
    [InlineData("{ not json", "not-json")]
    [InlineData("""{"assessment-results":{}}""", "not-a-catalog")]
    [InlineData("""{"catalog":{"metadata":{}}}""", "schema-invalid")]
    public void Import_names_why_a_document_is_no_catalog(string json, string code) =>
        Should.Throw<OscalImportException>(() => OscalCatalogs.ImportCsp(json)).Code.ShouldBe(code);

    [Fact]
    public void Import_needs_to_know_which_catalogue_the_version_replaces()
    {
        var node = Node(OscalCatalogs.ExportBundled("csp/2023", Now)!);
        var props = node["catalog"]!["metadata"]!["props"]!.AsArray();
        props.Remove(props.Single(p => (string?)p!["name"] == "catalogue-id"));
        Should.Throw<OscalImportException>(() => OscalCatalogs.ImportCsp(node.ToJsonString())).Code.ShouldBe("unknown-catalogue");
        OscalCatalogs.ImportCsp(node.ToJsonString(), "2023").Items.Count.ShouldBe(54);
    }

    private static CaseEvaluationFacts Facts(bool fsiReused)
    {
        var items = CspCatalogues.ById("2023").Items;
        var covered = items.First(i => i.CoveredBy.Count > 0);
        var rest = items.Where(i => i != covered).ToList();
        return new CaseEvaluationFacts(Guid.CreateVersion7(), "고객상담 챗봇", 2, "한빛은행", "가나클라우드", "상담 SaaS", "2025-02-05", true, "2023", true, fsiReused,
            fsiReused ? new ReusedFsiResult(Guid.CreateVersion7(), "금융보안원", new DateOnly(2026, 3, 2), new DateOnly(2027, 3, 1), "적합", null) : null,
            Now,
            [
                new CaseItemFacts(covered, "csap", null, null, null, null),
                new CaseItemFacts(rest[0], null, ItemOutcome.Met, "계약서 제12조 확인", null, Guid.CreateVersion7()),
                new CaseItemFacts(rest[1], null, ItemOutcome.NotMet, "로그 보관 1년 미만", new DateOnly(2027, 2, 1), null),
                new CaseItemFacts(rest[2], null, ItemOutcome.NotApplicable, null, null, null),
                new CaseItemFacts(rest[3], null, null, null, null, null),
            ]);
    }

    private static List<(string State, string Basis)> Findings(JsonNode results) =>
        [.. results["assessment-results"]!["results"]![0]!["findings"]!.AsArray().Select(f => (
            f!["target"]!["status"]!["state"]!.GetValue<string>(),
            Prop(f, "basis")!))];

    [Fact]
    public void A_case_evaluation_exports_as_assessment_results_the_subset_schema_accepts_with_one_finding_per_item()
    {
        var node = Node(OscalAssessmentResultsBuilder.Build(Facts(fsiReused: false), Now));
        Errors(node, OscalModelKind.AssessmentResults).ShouldBeEmpty();
        Findings(node).ShouldBe([
            ("satisfied", "covered-by-certificate"), ("satisfied", "satisfied"), ("not-satisfied", "not-satisfied"),
            ("satisfied", "not-applicable"), ("not-satisfied", "not-assessed")]);
        var result = node["assessment-results"]!["results"]![0]!;
        result["reviewed-controls"]!["control-selections"]![0]!["include-controls"]!.AsArray().Count.ShouldBe(5);
        result["observations"]!.AsArray().Count.ShouldBe(4, "an item not assessed has no observation");
        result["observations"]![1]!["relevant-evidence"]![0]!["href"]!.GetValue<string>().ShouldContain("/evidence/");
    }

    [Fact]
    public void Items_left_to_a_reused_fsi_result_are_satisfied_on_that_basis()
    {
        var node = Node(OscalAssessmentResultsBuilder.Build(Facts(fsiReused: true), Now));
        Errors(node, OscalModelKind.AssessmentResults).ShouldBeEmpty();
        Findings(node)[^1].ShouldBe(("satisfied", "reused-fsi-result"));
        node.ToJsonString().ShouldContain("fsi-publication");
    }

    [Fact]
    public void Assessment_results_without_uuid_or_with_an_unknown_state_fail_the_schema()
    {
        var node = Node(OscalAssessmentResultsBuilder.Build(Facts(fsiReused: false), Now));
        node["assessment-results"]!.AsObject().Remove("uuid");
        node["assessment-results"]!["results"]![0]!["findings"]![0]!["target"]!["status"]!["state"] = "covered-by-certificate";
        var errors = Errors(node, OscalModelKind.AssessmentResults);
        errors.ShouldContain(e => e.Path == "$.assessment-results" && e.Message.Contains("uuid"));
        errors.ShouldContain(e => e.Path == "$.assessment-results.results[0].findings[0].target.status.state");
    }

    [Fact]
    public void The_subset_schemas_say_they_are_written_by_fincloud_and_not_the_nist_files()
    {
        foreach (var kind in Enum.GetValues<OscalModelKind>())
        {
            using var schema = JsonDocument.Parse(OscalSchemas.ResourceText(kind));
            schema.RootElement.GetProperty("$comment").GetString()!.ShouldContain("NOT the NIST");
            schema.RootElement.GetProperty("$schema").GetString().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        }
    }
}
