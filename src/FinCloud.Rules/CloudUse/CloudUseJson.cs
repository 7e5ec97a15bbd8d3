using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FinCloud.Rules.CloudUse;

/// <summary>
/// The JSON contract of the cloud-use decision (CLI contract §1): reads a scenario, naming the JSON path of
/// anything wrong with it, and writes a decision with exactly the contract's fields.
/// </summary>
public static class CloudUseJson
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        TypeInfoResolver = CloudUseJsonContext.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        // Korean names stay readable; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        TypeInfoResolver = CloudUseJsonContext.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads one scenario. Also accepts a contract example file (<c>{"scenario": …, "decision": …}</c>).</summary>
    /// <exception cref="ScenarioFormatException">Malformed JSON, a wrong type, a missing field, an unknown enum value or an impossible date.</exception>
    public static CloudUseScenario ReadScenario(ReadOnlySpan<byte> utf8Json)
    {
        ScenarioDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ScenarioDocument>)ReadOptions.GetTypeInfo(typeof(ScenarioDocument)));
        }
        catch (JsonException error)
        {
            // The serializer wraps the reader's own exception for syntax errors; type mismatches have none.
            var syntax = error.InnerException is JsonException;
            var code = syntax ? "malformed-json" : "invalid-type";
            var where = error.LineNumber is { } line ? $" (line {line + 1}, byte {error.BytePositionInLine + 1})" : string.Empty;
            throw new ScenarioFormatException(code, $"{(syntax ? "Malformed JSON" : "Wrong JSON type")}{where}: {FirstSentence(error.Message)}", error.Path ?? "$");
        }

        if (document is null)
        {
            throw new ScenarioFormatException("missing-field", "The input must be a JSON object holding one scenario.", "$");
        }

        if (document.Kind is null && document.Scenario is not null)
        {
            return Convert(document.Scenario, "$.scenario");
        }

        return Convert(document, "$");
    }

    /// <summary>Writes the decision: the contract's fields only, indented, Korean unescaped.</summary>
    public static string WriteDecision(CloudUseDecision decision, bool includeBasis = false)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!includeBasis)
        {
            return JsonSerializer.Serialize(decision, WriteOptions.GetTypeInfo(typeof(CloudUseDecision)));
        }

        var node = JsonSerializer.SerializeToNode(decision, WriteOptions.GetTypeInfo(typeof(CloudUseDecision)))!.AsObject();
        var basis = JsonSerializer.SerializeToNode(decision.Basis, WriteOptions.GetTypeInfo(typeof(DecisionBasis)))!.AsObject();
        basis["unverified"] = decision.Basis.Unverified;
        node["basis"] = basis;
        return node.ToJsonString(WriteOptions);
    }

    /// <summary>Writes a task plan: stable keys, titles, requirement, dependencies, due dates, evidence, citation.</summary>
    public static string WritePlan(TaskPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return JsonSerializer.Serialize(plan, WriteOptions.GetTypeInfo(typeof(TaskPlan)));
    }

    private static CloudUseScenario Convert(ScenarioDocument d, string root)
    {
        var kind = Required(d.Kind, $"{root}.kind");
        if (kind != "cloud-use")
        {
            throw new ScenarioFormatException("unknown-enum", $"Unknown scenario kind '{kind}'; expected one of: cloud-use.", $"{root}.kind");
        }

        var asOf = Date(Required(d.AsOf, $"{root}.asOf"), $"{root}.asOf");
        var institution = Required(d.Institution, $"{root}.institution");
        var sector = Enum<Sector>(Required(institution.Sector, $"{root}.institution.sector"), $"{root}.institution.sector");
        var w = Required(d.Workload, $"{root}.workload");
        var workload = new Workload(
            Required(w.Name, $"{root}.workload.name"),
            Enum<ServiceModel>(Required(w.ServiceModel, $"{root}.workload.serviceModel"), $"{root}.workload.serviceModel"),
            Required(w.ProcessesUniqueIdentifiers, $"{root}.workload.processesUniqueIdentifiers"),
            Required(w.ProcessesPersonalCreditInfo, $"{root}.workload.processesPersonalCreditInfo"),
            Required(w.MaterialImpactOnElectronicFinance, $"{root}.workload.materialImpactOnElectronicFinance"),
            w.SelfAssessedMaterial);
        var c = Required(d.Csp, $"{root}.csp");
        FsiEvaluation? fsi = null;
        if (c.FsiEvaluation is { } f)
        {
            fsi = new FsiEvaluation(
                Enum<FsiEvaluationResult>(Required(f.Result, $"{root}.csp.fsiEvaluation.result"), $"{root}.csp.fsiEvaluation.result"),
                Date(Required(f.Date, $"{root}.csp.fsiEvaluation.date"), $"{root}.csp.fsiEvaluation.date"));
        }

        var csp = new CspInfo(Required(c.Name, $"{root}.csp.name"), fsi);
        var k = Required(d.Contract, $"{root}.contract");
        var contract = new CloudContract(
            k.SignedOn is null ? null : Date(k.SignedOn, $"{root}.contract.signedOn"),
            k.UsageStartOn is null ? null : Date(k.UsageStartOn, $"{root}.contract.usageStartOn"));
        var events = new List<CloudUseEvent>(d.Events?.Count ?? 0);
        for (var i = 0; i < (d.Events?.Count ?? 0); i++)
        {
            var e = Required(d.Events![i], $"{root}.events[{i}]");
            events.Add(new CloudUseEvent(
                Enum<CloudUseEventType>(Required(e.Type, $"{root}.events[{i}].type"), $"{root}.events[{i}].type"),
                Date(Required(e.On, $"{root}.events[{i}].on"), $"{root}.events[{i}].on")));
        }

        return new CloudUseScenario(asOf, new Institution(sector), workload, csp, contract, events);
    }

    private static T Required<T>(T? value, string path)
        where T : class =>
        value ?? throw new ScenarioFormatException("missing-field", $"Required field {path} is missing or null.", path);

    private static T Required<T>(T? value, string path)
        where T : struct =>
        value ?? throw new ScenarioFormatException("missing-field", $"Required field {path} is missing or null.", path);

    private static DateOnly Date(string text, string path)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        var looksLikeDate = text.Length == 10 && text[4] == '-' && text[7] == '-';
        throw new ScenarioFormatException(
            "invalid-date",
            looksLikeDate ? $"'{text}' is not a date of the calendar." : $"'{text}' is not a date in the form YYYY-MM-DD.",
            path);
    }

    private static TEnum Enum<TEnum>(string text, string path)
        where TEnum : struct, Enum
    {
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        var allowed = string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())));
        throw new ScenarioFormatException("unknown-enum", $"Unknown value '{text}'; expected one of: {allowed}.", path);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    // The scenario as it arrives: everything optional, so a missing field is reported with its path
    // instead of a generic "missing required properties" message.
    internal sealed class ScenarioDocument
    {
        public string? Kind { get; set; }

        public string? AsOf { get; set; }

        public InstitutionDocument? Institution { get; set; }

        public WorkloadDocument? Workload { get; set; }

        public CspDocument? Csp { get; set; }

        public ContractDocument? Contract { get; set; }

        public List<EventDocument?>? Events { get; set; }

        public ScenarioDocument? Scenario { get; set; }
    }

    internal sealed class InstitutionDocument
    {
        public string? Sector { get; set; }
    }

    internal sealed class WorkloadDocument
    {
        public string? Name { get; set; }

        public string? ServiceModel { get; set; }

        public bool? ProcessesUniqueIdentifiers { get; set; }

        public bool? ProcessesPersonalCreditInfo { get; set; }

        public bool? MaterialImpactOnElectronicFinance { get; set; }

        public bool? SelfAssessedMaterial { get; set; }
    }

    internal sealed class CspDocument
    {
        public string? Name { get; set; }

        public FsiDocument? FsiEvaluation { get; set; }
    }

    internal sealed class FsiDocument
    {
        public string? Result { get; set; }

        public string? Date { get; set; }
    }

    internal sealed class ContractDocument
    {
        public string? SignedOn { get; set; }

        public string? UsageStartOn { get; set; }
    }

    internal sealed class EventDocument
    {
        public string? Type { get; set; }

        public string? On { get; set; }
    }
}

/// <summary>Bad scenario input: <see cref="Code"/> is one of malformed-json, invalid-type, missing-field, unknown-enum, invalid-date, out-of-scope.</summary>
public sealed class ScenarioFormatException(string code, string message, string path) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>JSON path of the offending value, e.g. <c>$.workload.serviceModel</c>.</summary>
    public string Path { get; } = path;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CloudUseJson.ScenarioDocument))]
[JsonSerializable(typeof(CloudUseDecision))]
[JsonSerializable(typeof(DecisionBasis))]
[JsonSerializable(typeof(TaskPlan))]
internal sealed partial class CloudUseJsonContext : JsonSerializerContext;
