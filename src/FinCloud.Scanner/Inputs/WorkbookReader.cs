using System.IO.Compression;
using System.Text;
using System.Xml;

namespace FinCloud.Scanner.Inputs;

/// <summary>
/// Reads an XLSX workbook's sheets as text: one line per row (row N is line N), cells joined by TAB at their
/// column index, so row 1 is the header as in a TSV file.
/// </summary>
internal static class WorkbookReader
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public sealed record Sheet(string Name, string EntryPath);

    public static List<Sheet> Sheets(ZipArchive workbook)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        var rels = workbook.GetEntry("xl/_rels/workbook.xml.rels");
        if (rels is not null)
        {
            using var reader = XmlReader.Create(rels.Open(), Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" &&
                    reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        var sheets = new List<Sheet>();
        var main = workbook.GetEntry("xl/workbook.xml") ?? throw new InvalidDataException("not a workbook: xl/workbook.xml is missing");
        using (var reader = XmlReader.Create(main.Open(), Settings))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == MainNs)
                {
                    var name = reader.GetAttribute("name") ?? $"sheet{sheets.Count + 1}";
                    var id = reader.GetAttribute("id", RelNs);
                    var path = id is not null && targets.TryGetValue(id, out var t) ? t : $"xl/worksheets/sheet{sheets.Count + 1}.xml";
                    sheets.Add(new Sheet(name, path));
                }
            }
        }

        return sheets;
    }

    public static List<string> SharedStrings(ZipArchive workbook)
    {
        var strings = new List<string>();
        var entry = workbook.GetEntry("xl/sharedStrings.xml");
        if (entry is null)
        {
            return strings;
        }

        using var reader = XmlReader.Create(entry.Open(), Settings);
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != MainNs)
            {
                continue;
            }

            if (reader.LocalName == "si")
            {
                text.Clear();
                ReadText(reader, text);
                strings.Add(text.ToString());
            }
        }

        return strings;
    }

    /// <summary>
    /// Concatenates the <c>t</c> elements under the current element, leaving out phonetic runs; ends on the
    /// element's end tag (or on the element itself when it is empty).
    /// </summary>
    private static void ReadText(XmlReader reader, StringBuilder text)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                text.Append(reader.ReadElementContentAsString());
            }
            else
            {
                reader.Read();
            }
        }
    }

    /// <summary>Writes the sheet's rows as UTF-8 lines to <paramref name="target"/>.</summary>
    public static void WriteSheet(ZipArchive workbook, Sheet sheet, IReadOnlyList<string> sharedStrings, Stream target, CancellationToken ct)
    {
        var entry = workbook.GetEntry(sheet.EntryPath) ?? throw new InvalidDataException($"sheet '{sheet.Name}' is missing ({sheet.EntryPath})");
        using var writer = new StreamWriter(target, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        using var reader = XmlReader.Create(entry.Open(), Settings);
        long linesWritten = 0;
        var cell = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row" || reader.NamespaceURI != MainNs)
            {
                continue;
            }

            ct.ThrowIfCancellationRequested();
            var rowNumber = long.TryParse(reader.GetAttribute("r"), System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : linesWritten + 1;
            while (linesWritten + 1 < rowNumber)
            {
                writer.Write('\n');
                linesWritten++;
            }

            if (!reader.IsEmptyElement)
            {
                var rowDepth = reader.Depth;
                var written = -1;
                reader.Read();
                while (!reader.EOF && reader.Depth > rowDepth)
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
                    {
                        reader.Read();
                        continue;
                    }

                    var index = Math.Max(ColumnIndex(reader.GetAttribute("r")) ?? written + 1, written + 1);
                    var type = reader.GetAttribute("t");
                    cell.Clear();
                    ReadCell(reader, type, sharedStrings, cell);
                    reader.Read();
                    writer.Write(new string('\t', written >= 0 ? index - written : index));
                    written = index;
                    cell.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
                    writer.Write(cell);
                }
            }

            writer.Write('\n');
            linesWritten++;
        }
    }

    /// <summary>Reads a cell's text; ends on its end tag (or on the cell itself when it is empty).</summary>
    private static void ReadCell(XmlReader reader, string? type, IReadOnlyList<string> sharedStrings, StringBuilder cell)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
            {
                var value = reader.ReadElementContentAsString();
                if (type != "s")
                {
                    cell.Append(value);
                }
                else if (int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sharedStrings.Count)
                {
                    cell.Append(sharedStrings[index]);
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
            {
                ReadText(reader, cell);
                reader.Read();
            }
            else
            {
                reader.Read();
            }
        }
    }

    /// <summary>0-based column of a cell reference such as <c>AB12</c>.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? null : index - 1;
    }
}
