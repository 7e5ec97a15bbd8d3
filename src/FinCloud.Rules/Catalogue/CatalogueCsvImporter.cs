using System.Globalization;
using System.Text;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Catalogue;

/// <summary>
/// Loads the official 별표 2의2 (converted from the law.go.kr annex or the FSI guide to CSV) in place of the
/// illustrative items; the official numbering becomes the item id (ED-4).
/// </summary>
/// <remarks>
/// Columns (header row required, any order): <c>id, domain, class, text</c>, and optionally <c>serviceModels</c>
/// and <c>coveredBy</c> (values separated by <c>;</c>). <c>class</c> accepts the kebab-case names or the Korean
/// 기본보호조치 / 금융부문 추가보호조치 / 필수 / 대체. Quoted fields may hold commas, quotes ("") and line breaks.
/// </remarks>
public static class CatalogueCsvImporter
{
    public static CspCatalogue Import(TextReader csv, CspCatalogue replacing, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(replacing);
        var rows = ReadRows(csv).ToList();
        if (rows.Count == 0)
        {
            throw new CatalogueImportException(1, "The file is empty; a header row is required.");
        }

        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name, bool required)
        {
            var at = header.IndexOf(name.ToLowerInvariant());
            return at < 0 && required ? throw new CatalogueImportException(1, $"Missing column '{name}'.") : at;
        }

        var id = Column("id", true);
        var domain = Column("domain", true);
        var cls = Column("class", true);
        var text = Column("text", true);
        var models = Column("serviceModels", false);
        var covered = Column("coveredBy", false);

        var items = new List<CspEvaluationItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string Field(int at) => at >= 0 && at < fields.Count ? fields[at].Trim() : string.Empty;
            var itemId = Field(id);
            if (itemId.Length == 0)
            {
                throw new CatalogueImportException(line, "Empty id.");
            }

            if (!seen.Add(itemId))
            {
                throw new CatalogueImportException(line, $"Duplicate id '{itemId}'.");
            }

            items.Add(new CspEvaluationItem(
                itemId,
                Field(domain),
                ParseClass(Field(cls), line),
                models < 0 || Field(models).Length == 0 ? [ServiceModel.Iaas, ServiceModel.Paas, ServiceModel.Saas] : [.. Split(Field(models)).Select(m => ParseModel(m, line))],
                covered < 0 ? [] : [.. Split(Field(covered)).Select(c => ParseScheme(c, line))],
                Field(text),
                Illustrative: false));
        }

        return replacing with
        {
            Title = title ?? replacing.Title,
            Illustrative = false,
            Items = items,
            Provision = replacing.Provision with { Confidence = Confidence.Verified, Note = "공식 별표 2의2에서 가져온 항목" },
        };
    }

    /// <summary>Differences between an imported catalogue and the structure the regulatory reference states.</summary>
    public static IReadOnlyList<string> CompareWithKnownStructure(CspCatalogue imported, CspCatalogue known)
    {
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(known);
        var expected = known.CountByClass();
        var actual = imported.CountByClass();
        return [.. expected.Keys.Union(actual.Keys)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => $"{k}: expected {expected.GetValueOrDefault(k)} items, imported {actual.GetValueOrDefault(k)}")];
    }

    private static string[] Split(string value) =>
        value.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static ItemClass ParseClass(string value, int line) => value.Replace(" ", string.Empty, StringComparison.Ordinal) switch
    {
        "basic-protection" or "기본보호조치" or "기본" => ItemClass.BasicProtection,
        "financial-additional" or "금융부문추가보호조치" or "금융" => ItemClass.FinancialAdditional,
        "mandatory" or "필수" or "필수항목" => ItemClass.Mandatory,
        "alternative" or "대체" or "대체항목" => ItemClass.Alternative,
        _ => throw new CatalogueImportException(line, $"Unknown class '{value}'; expected basic-protection, financial-additional, mandatory or alternative."),
    };

    private static ServiceModel ParseModel(string value, int line) => value.ToLowerInvariant() switch
    {
        "iaas" => ServiceModel.Iaas,
        "paas" => ServiceModel.Paas,
        "saas" => ServiceModel.Saas,
        _ => throw new CatalogueImportException(line, $"Unknown service model '{value}'."),
    };

    private static CertificationScheme ParseScheme(string value, int line) => value.ToLowerInvariant().Replace("/", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal) switch
    {
        "csap" => CertificationScheme.Csap,
        "isms-p" or "ismsp" => CertificationScheme.IsmsP,
        "iso27001" or "isoiec27001" => CertificationScheme.Iso27001,
        "iso27017" or "isoiec27017" => CertificationScheme.Iso27017,
        "iso27018" or "isoiec27018" => CertificationScheme.Iso27018,
        "csa-star" or "csastar" => CertificationScheme.CsaStar,
        "mtcs" => CertificationScheme.Mtcs,
        _ => throw new CatalogueImportException(line, $"Unknown certification scheme '{value}'."),
    };

    /// <summary>RFC 4180 records with the line on which each starts.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> ReadRows(TextReader reader)
    {
        var line = 1;
        var start = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (start, fields);
                    fields = [];
                    line++;
                    start = line;
                    any = false;
                    break;
                case '\uFEFF' when start == 1 && fields.Count == 0 && field.Length == 0:
                    break; // a BOM from spreadsheet exports
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (quoted)
        {
            throw new CatalogueImportException(start, "Unterminated quoted field.");
        }

        if (any || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}

public sealed class CatalogueImportException(int line, string message)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"Line {line}: {message}"))
{
    public int Line { get; } = line;
}
