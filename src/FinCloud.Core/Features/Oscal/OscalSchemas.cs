using System.Text.Json;
using Json.Schema;

namespace FinCloud.Core.Features.Oscal;

/// <summary>One schema violation: where in the document (JSONPath) and what the schema says.</summary>
public sealed record OscalSchemaError(string Path, string Message);

/// <summary>Which OSCAL model a document is, by its one root property.</summary>
public enum OscalModelKind
{
    Catalog,
    AssessmentResults,
}

/// <summary>
/// Validation against FinCloud's own subset schemas of the OSCAL 1.1 catalog and assessment-results models (embedded,
/// <c>oscal-subset/*.schema.json</c>), or against any JSON Schema a user supplies, e.g. the official NIST file.
/// </summary>
public static class OscalSchemas
{
    private static readonly Lazy<JsonSchema> Catalog = new(() => Load("oscal-catalog-subset.schema.json"));
    private static readonly Lazy<JsonSchema> AssessmentResults = new(() => Load("oscal-assessment-results-subset.schema.json"));

    public static string ResourceText(OscalModelKind kind)
    {
        var name = kind == OscalModelKind.Catalog ? "oscal-catalog-subset.schema.json" : "oscal-assessment-results-subset.schema.json";
        using var stream = typeof(OscalSchemas).Assembly.GetManifestResourceStream("FinCloud.Oscal." + name)
            ?? throw new InvalidOperationException($"The embedded schema {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The model of a document by its root property, or null when it is neither model FinCloud handles.</summary>
    public static OscalModelKind? KindOf(JsonElement document) =>
        document.ValueKind != JsonValueKind.Object ? null
        : document.TryGetProperty("catalog", out _) ? OscalModelKind.Catalog
        : document.TryGetProperty("assessment-results", out _) ? OscalModelKind.AssessmentResults
        : null;

    /// <summary>Violations of FinCloud's subset schema for <paramref name="kind"/>; empty when the document is valid.</summary>
    public static IReadOnlyList<OscalSchemaError> Validate(JsonElement document, OscalModelKind kind) =>
        Validate(document, kind == OscalModelKind.Catalog ? Catalog.Value : AssessmentResults.Value);

    public static IReadOnlyList<OscalSchemaError> Validate(string json, OscalModelKind kind)
    {
        using var document = JsonDocument.Parse(json);
        return Validate(document.RootElement, kind);
    }

    /// <summary>Builds a schema from text (any draft JsonSchema.Net reads: 2020-12, 2019-09, 7, 6), in a registry of its own.</summary>
    public static JsonSchema Parse(string schemaText) =>
        JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    public static IReadOnlyList<OscalSchemaError> Validate(JsonElement document, JsonSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var results = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => new OscalSchemaError(OscalJson.PathOf(d.InstanceLocation.ToString()), $"{e.Key}: {e.Value}")))
            .Distinct()
            .ToList();
        return errors.Count > 0 ? errors : [new OscalSchemaError("$", "The document does not match the schema.")];
    }

    private static JsonSchema Load(string name) => Parse(ResourceText(name == "oscal-catalog-subset.schema.json" ? OscalModelKind.Catalog : OscalModelKind.AssessmentResults));
}
