using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FinCloud.Documents;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as a Word document. Korean text is tagged ko-KR with an East Asian
/// font (맑은 고딕, the font every Korean Windows and Hancom Office has), so it opens without substitution.
/// </summary>
public static class DocxReportWriter
{
    private const string KoreanFont = "Malgun Gothic";

    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = report.Title;
        document.PackageProperties.Creator = report.Author;
        document.PackageProperties.Language = "ko-KR";

        var main = document.AddMainDocumentPart();
        AddStyles(main);
        var body = new Body();
        body.Append(StyledParagraph("Title", report.Title));
        if (report.Subtitle is { } subtitle)
        {
            body.Append(StyledParagraph("Subtitle", subtitle));
        }

        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case ReportHeading h:
                    body.Append(StyledParagraph(h.Level == 1 ? "Heading1" : "Heading2", h.Text));
                    break;
                case ReportParagraph p:
                    body.Append(TextParagraph(p.Text));
                    break;
                case ReportFields f:
                    body.Append(Table(null, f.Fields.Select(x => (IReadOnlyList<string>)[x.Label, x.Value]), boldFirstColumn: true));
                    body.Append(new Paragraph());
                    break;
                case ReportTable t:
                    body.Append(Table(t.Header, t.Rows, boldFirstColumn: false));
                    body.Append(new Paragraph());
                    break;
                default:
                    throw new NotSupportedException(block.GetType().Name);
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },   // A4 in twentieths of a point
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    public static byte[] ToBytes(ReportDocument report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var stylesPart = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = KoreanFont, HighAnsi = KoreanFont, EastAsia = KoreanFont, ComplexScript = KoreanFont },
                    new FontSize { Val = "20" },
                    new Languages { Val = "ko-KR", EastAsia = "ko-KR" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
            ParagraphStyle("Normal", "Normal", null, null, bold: false),
            ParagraphStyle("Title", "Title", "36", "240", bold: true),
            ParagraphStyle("Subtitle", "Subtitle", "24", "240", bold: false),
            ParagraphStyle("Heading1", "heading 1", "28", "120", bold: true, outline: 0),
            ParagraphStyle("Heading2", "heading 2", "24", "80", bold: true, outline: 1));
        stylesPart.Styles = styles;
        stylesPart.Styles.Save();
    }

    private static Style ParagraphStyle(string id, string name, string? size, string? spaceBefore, bool bold, int? outline = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" ? true : null };
        style.Append(new StyleName { Val = name });
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle());
        }

        var paragraph = new StyleParagraphProperties();
        if (spaceBefore is not null)
        {
            paragraph.Append(new KeepNext(), new SpacingBetweenLines { Before = spaceBefore, After = "120" });
        }

        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        style.Append(paragraph);
        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }

        if (size is not null)
        {
            run.Append(new FontSize { Val = size });
        }

        style.Append(run);
        return style;
    }

    private static Paragraph StyledParagraph(string styleId, string text)
    {
        var paragraph = TextParagraph(text);
        paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        return paragraph;
    }

    private static Paragraph TextParagraph(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return new Paragraph(run);
    }

    private static Table Table(IReadOnlyList<string>? header, IEnumerable<IReadOnlyList<string>> rows, bool boldFirstColumn)
    {
        static BorderType Line<TBorder>()
            where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" };

        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(Line<TopBorder>(), Line<BottomBorder>(), Line<LeftBorder>(), Line<RightBorder>(),
                Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>())));
        if (header is not null)
        {
            var row = new TableRow(new TableRowProperties(new TableHeader()));
            foreach (var cell in header)
            {
                row.Append(new TableCell(
                    new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "E7ECF3" }),
                    TextParagraph(cell, bold: true)));
            }

            table.Append(row);
        }

        foreach (var cells in rows)
        {
            var row = new TableRow();
            for (var i = 0; i < cells.Count; i++)
            {
                row.Append(new TableCell(TextParagraph(cells[i], bold: boldFirstColumn && i == 0)));
            }

            table.Append(row);
        }

        return table;
    }
}
