using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using FinCloud.Core.Features.Oscal;
using FinCloud.Rules;
using FinCloud.Rules.Catalogue;
using Json.Schema;

namespace FinCloud.Cli.Oscal;

/// <summary>
/// <c>fincloud oscal export-catalog | import-catalog | validate</c>: rulebook catalogues as OSCAL 1.1 catalogs, an OSCAL
/// catalog read back as a CSP evaluation catalogue version, and schema checks (docs/oscal.md). No database.
/// </summary>
public static class OscalCommands
{
    public const int InvalidExitCode = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var group = new Command("oscal", "OSCAL 1.1 카탈로그·평가 결과 (export, import and validate OSCAL JSON)");
        group.Subcommands.Add(ExportCatalog());
        group.Subcommands.Add(ImportCatalog());
        group.Subcommands.Add(Validate());
        return group;
    }

    private static Command ExportCatalog()
    {
        var id = new Option<string?>("--id") { Description = "csp/2019, csp/2023 or network-separation/<route>/<effective-from>; default: the CSP catalogue in force today" };
        var list = new Option<bool>("--list") { Description = "list the catalogue ids instead" };
        var command = new Command("export-catalog", """
            Writes a bundled catalogue as an OSCAL 1.1 catalog (JSON) to stdout: groups are the 평가 영역, controls the items,
            props carry 필수/대체 (2023) or basic/finance-specific (2019), certificate coverage and the rulebook's source and confidence.

            Examples:
              fincloud oscal export-catalog --id csp/2023 > csp-2023.oscal.json
              fincloud oscal export-catalog --list
            """);
        command.Options.Add(id);
        command.Options.Add(list);
        command.SetAction(parse =>
        {
            if (parse.GetValue(list))
            {
                Console.Out.Write(JsonSerializer.Serialize(OscalCatalogs.BundledIds, Json) + "\n");
                return 0;
            }

            var clock = TimeProvider.System;
            var wanted = parse.GetValue(id) ?? "csp/" + CspCatalogues.ForRegime(global::FinCloud.Rules.Rulebooks.RulebookLibrary.CloudUseInForce(KoreanTime.Today(clock)).Id).Id;
            var document = OscalCatalogs.ExportBundled(wanted, clock.GetUtcNow())
                ?? throw new InputErrorException("unknown-catalogue", $"No catalogue '{wanted}'; one of: {string.Join(", ", OscalCatalogs.BundledIds)}.", "--id");
            Console.Out.Write(OscalJson.Serialize(document));
            return 0;
        });
        return command;
    }

    private static Command ImportCatalog()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "an OSCAL 1.1 catalog (JSON) of CSP evaluation items" };
        var replacing = new Option<string?>("--replacing") { Description = "the bundled catalogue this version replaces (2019, 2023); default: the catalog's catalogue-id prop" };
        var command = new Command("import-catalog", """
            Reads an OSCAL catalog as a CSP evaluation catalogue version and writes it in the rulebook's JSON form to stdout,
            with the differences from the structure the regulation states (item counts per class). The whole document is
            checked first (FinCloud's OSCAL subset schema, then item classes, service models, certificates, duplicate ids);
            any problem exits 2 with the first problem's JSONPath and writes nothing to stdout.

            Examples:
              fincloud oscal import-catalog annex-2-2.oscal.json --replacing 2023 > catalogue-2023.json
            """);
        command.Arguments.Add(file);
        command.Options.Add(replacing);
        command.SetAction(parse =>
        {
            var text = ReadFile(parse.GetValue(file)!, "FILE");
            CspCatalogue catalogue;
            try
            {
                catalogue = OscalCatalogs.ImportCsp(text, parse.GetValue(replacing));
            }
            catch (OscalImportException e)
            {
                var message = string.Join("; ", e.Errors.Take(20).Select(x => $"{x.Path}: {x.Message}")) + (e.Errors.Count > 20 ? $"; and {e.Errors.Count - 20} more" : string.Empty);
                throw new InputErrorException(e.Code, message, e.Errors.Count > 0 ? e.Errors[0].Path : "$");
            }

            var result = new
            {
                catalogue,
                structureDifferences = CatalogueCsvImporter.CompareWithKnownStructure(catalogue, CspCatalogues.ById(catalogue.Id)),
            };
            Console.Out.Write(JsonSerializer.Serialize(result, Json) + "\n");
            return 0;
        });
        return command;
    }

    private static Command Validate()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "an OSCAL JSON document (catalog or assessment-results)" };
        var schema = new Option<FileInfo?>("--schema") { Description = "a JSON Schema to validate against instead, e.g. the official NIST OSCAL JSON schema you obtained" };
        var command = new Command("validate", """
            Validates an OSCAL JSON document. Without --schema, against FinCloud's own subset schema of the model the document
            is (catalog or assessment-results): written by FinCloud, not the NIST file. With --schema, against that schema
            (JSON Schema draft 2020-12, 2019-09, 7 or 6). Prints JSON; exits 0 when valid, 3 when not, 2 on bad input.

            Examples:
              fincloud oscal validate csp-2023.oscal.json
              fincloud oscal validate results.json --schema oscal_assessment-results_schema.json
            """);
        command.Arguments.Add(file);
        command.Options.Add(schema);
        command.SetAction(parse =>
        {
            var text = ReadFile(parse.GetValue(file)!, "FILE");
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                throw new InputErrorException("not-json", $"FILE is not JSON (line {e.LineNumber + 1}): {e.Message}", "FILE");
            }

            using (document)
            {
                var kind = OscalSchemas.KindOf(document.RootElement);
                IReadOnlyList<OscalSchemaError> errors;
                string against;
                if (parse.GetValue(schema) is { } schemaFile)
                {
                    var schemaText = ReadFile(schemaFile, "--schema");
                    JsonSchema parsed;
                    try
                    {
                        parsed = OscalSchemas.Parse(schemaText);
                    }
                    catch (Exception e) when (e is JsonException or JsonSchemaException or ArgumentException or InvalidOperationException)
                    {
                        throw new InputErrorException("bad-schema", $"{schemaFile.Name} is not a JSON Schema this program reads: {e.Message}", "--schema");
                    }

                    errors = OscalSchemas.Validate(document.RootElement, parsed);
                    against = schemaFile.Name;
                }
                else
                {
                    if (kind is not { } k)
                    {
                        throw new InputErrorException("unknown-model", "FILE is neither an OSCAL catalog nor assessment-results (no 'catalog' or 'assessment-results' root property); give --schema to validate other models.", "$");
                    }

                    errors = OscalSchemas.Validate(document.RootElement, k);
                    against = k == OscalModelKind.Catalog ? "fincloud-oscal-catalog-subset" : "fincloud-oscal-assessment-results-subset";
                }

                var result = new
                {
                    valid = errors.Count == 0,
                    model = kind switch { OscalModelKind.Catalog => "catalog", OscalModelKind.AssessmentResults => "assessment-results", _ => null },
                    schema = against,
                    errors = errors.Select(e => new { path = e.Path, message = e.Message }).ToList(),
                };
                Console.Out.Write(JsonSerializer.Serialize(result, Json) + "\n");
                return errors.Count == 0 ? 0 : InvalidExitCode;
            }
        });
        return command;
    }

    private static string ReadFile(FileInfo file, string path)
    {
        if (!file.Exists)
        {
            throw new InputErrorException("no-file", $"No file at {file.FullName}.", path);
        }

        if (file.Length > 64L * 1024 * 1024)
        {
            throw new InputErrorException("too-large", $"{file.Name} is larger than 64 MB.", path);
        }

        return File.ReadAllText(file.FullName);
    }
}
