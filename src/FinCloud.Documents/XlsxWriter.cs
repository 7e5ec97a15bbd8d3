using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FinCloud.Documents;

/// <summary>One sheet of a workbook: a bold header row, then rows of values (streamed, not held in memory).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes worksheets as XLSX, streaming rows so a 50,000-row list does not build a DOM. Numbers stay
/// numbers; every text cell goes through <see cref="SafeText"/> so a value such as <c>=HYPERLINK(…)</c>
/// typed by a user can never become a formula when the file is opened or saved as CSV.
/// </summary>
public static class XlsxWriter
{
    public static void Write(IEnumerable<XlsxSheet> sheets, Stream output)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        document.PackageProperties.Creator = "FinCloud";
        var workbookPart = document.AddWorkbookPart();
        AddStyles(workbookPart);
        var sheetList = new Sheets();
        uint sheetId = 1;
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(part, sheet);
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId, Name = UniqueName(SheetName(sheet.Name), usedNames) });
            sheetId++;
        }

        workbookPart.Workbook = new Workbook(sheetList);
        workbookPart.Workbook.Save();
    }

    public static byte[] ToBytes(params IEnumerable<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        Write(sheets, stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Text that spreadsheet programs would read as a formula (leading <c>= + - @</c>, tab or carriage return)
    /// gets a leading apostrophe, the OWASP-recommended neutraliser; everything else is unchanged.
    /// </summary>
    public static string SafeText(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.Worksheet());
        // The header row stays in view while scrolling.
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0U });
        writer.WriteElement(new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(new Row { RowIndex = 1U });
        foreach (var h in sheet.Header)
        {
            WriteText(writer, h, style: 1U);
        }

        writer.WriteEndElement();
        uint index = 2;
        foreach (var row in sheet.Rows)
        {
            writer.WriteStartElement(new Row { RowIndex = index++ });
            foreach (var value in row)
            {
                WriteValue(writer, value);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteValue(OpenXmlWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteElement(new Cell());
                break;
            case int or long or short or byte or uint or ulong or double or float or decimal:
                writer.WriteElement(new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
                });
                break;
            case DateOnly date:
                WriteText(writer, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case bool b:
                WriteText(writer, b ? "예" : "아니요");
                break;
            case IFormattable formattable:
                WriteText(writer, formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                WriteText(writer, value.ToString() ?? "");
                break;
        }
    }

    private static void WriteText(OpenXmlWriter writer, string text, uint style = 0)
    {
        var cell = new Cell { DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : style };
        cell.Append(new InlineString(new Text(Clean(SafeText(text))) { Space = SpaceProcessingModeValues.Preserve }));
        writer.WriteElement(cell);
    }

    /// <summary>XML 1.0 forbids most control characters; a cell also holds at most 32,767 characters.</summary>
    private static string Clean(string text)
    {
        if (text.Length > 32_767)
        {
            text = text[..32_767];
        }

        return text.Any(c => c < 0x20 && c is not '\t' and not '\n' and not '\r')
            ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray())
            : text;
    }

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2U },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
            new Borders(new Border()) { Count = 1U },
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1U, ApplyFont = true }) { Count = 2U });
        stylesPart.Stylesheet.Save();
    }

    private static string SheetName(string name)
    {
        var cleaned = new string(name.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '_' : c).ToArray()).Trim('\'');
        cleaned = cleaned.Length == 0 ? "Sheet" : cleaned;
        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
        }

        return candidate;
    }
}
