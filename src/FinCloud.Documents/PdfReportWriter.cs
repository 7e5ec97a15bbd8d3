using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FinCloud.Documents;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as an A4 PDF with the Korean font embedded (Unicode encoding, so
/// text can be searched and copied). Layout is deliberately plain: headings, wrapped paragraphs, tables
/// whose header repeats on each page.
/// </summary>
public static class PdfReportWriter
{
    private const double Margin = 50;
    private const double CellPadding = 4;
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        KoreanFonts.Require();
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Author = report.Author;
        document.Info.Creator = "FinCloud";
        document.Language = "ko-KR";
        var layout = new Layout(document);

        layout.Text(report.Title, layout.Font(18, bold: true), spaceAfter: 6);
        if (report.Subtitle is { } subtitle)
        {
            layout.Text(subtitle, layout.Font(12, bold: false), spaceAfter: 10);
        }

        layout.Space(8);
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case ReportHeading h:
                    layout.Space(h.Level == 1 ? 10 : 6);
                    layout.Text(h.Text, layout.Font(h.Level == 1 ? 14 : 12, bold: true), spaceAfter: 4, keepWithNext: 40);
                    break;
                case ReportParagraph p:
                    layout.Text(p.Text, layout.Font(10, bold: false), spaceAfter: 6);
                    break;
                case ReportFields f:
                    layout.Table(null, f.Fields.Select(x => (IReadOnlyList<string>)[x.Label, x.Value]).ToList(), [0.3, 0.7], boldFirstColumn: true);
                    break;
                case ReportTable t:
                    layout.Table(t.Header, t.Rows, null, boldFirstColumn: false);
                    break;
                default:
                    throw new NotSupportedException(block.GetType().Name);
            }
        }

        layout.Finish();
        document.Save(output, closeStream: false);
    }

    public static byte[] ToBytes(ReportDocument report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return stream.ToArray();
    }

    /// <summary>A cursor down the pages; opens a page when the next thing does not fit.</summary>
    private sealed class Layout(PdfDocument document)
    {
        private readonly Dictionary<(double, bool), XFont> _fonts = [];
        private PdfPage? _page;
        private XGraphics? _gfx;
        private double _y;

        private double Width => _page!.Width.Point - (2 * Margin);

        private double Bottom => _page!.Height.Point - Margin;

        public XFont Font(double size, bool bold)
        {
            if (!_fonts.TryGetValue((size, bold), out var font))
            {
                font = new XFont(KoreanFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
                _fonts[(size, bold)] = font;
            }

            return font;
        }

        public void Space(double points)
        {
            EnsurePage();
            _y += points;
        }

        public void Text(string text, XFont font, double spaceAfter, double keepWithNext = 0)
        {
            EnsurePage();
            var lineHeight = font.GetHeight() * 1.25;
            var lines = Wrap(text, font, Width);
            if (_y + lineHeight + keepWithNext > Bottom)
            {
                NewPage();
            }

            foreach (var line in lines)
            {
                if (_y + lineHeight > Bottom)
                {
                    NewPage();
                }

                _gfx!.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }

            _y += spaceAfter;
        }

        public void Table(IReadOnlyList<string>? header, IReadOnlyList<IReadOnlyList<string>> rows, double[]? fractions, bool boldFirstColumn)
        {
            EnsurePage();
            var columns = header?.Count ?? (rows.Count > 0 ? rows[0].Count : 0);
            if (columns == 0)
            {
                return;
            }

            var widths = ColumnWidths(header, rows, columns, fractions);
            var regular = Font(9, bold: false);
            var bold = Font(9, bold: true);
            var lineHeight = regular.GetHeight() * 1.2;

            List<string>[] CellLines(IReadOnlyList<string> cells, Func<int, XFont> fontOf) =>
                Enumerable.Range(0, columns).Select(i => Wrap(i < cells.Count ? cells[i] : "", fontOf(i), widths[i] - (2 * CellPadding))).ToArray();

            void DrawRow(List<string>[] lines, Func<int, XFont> fontOf, bool shaded)
            {
                var height = (lines.Max(l => l.Count) * lineHeight) + (2 * CellPadding);
                var x = Margin;
                for (var i = 0; i < columns; i++)
                {
                    var cell = new XRect(x, _y, widths[i], height);
                    if (shaded)
                    {
                        _gfx!.DrawRectangle(new XSolidBrush(XColor.FromArgb(231, 236, 243)), cell);
                    }

                    _gfx!.DrawRectangle(new XPen(XColors.Gray, 0.5), cell);
                    var ly = _y + CellPadding;
                    foreach (var line in lines[i])
                    {
                        _gfx.DrawString(line, fontOf(i), XBrushes.Black, new XRect(x + CellPadding, ly, widths[i] - (2 * CellPadding), lineHeight), XStringFormats.TopLeft);
                        ly += lineHeight;
                    }

                    x += widths[i];
                }

                _y += height;
            }

            var headerLines = header is null ? null : CellLines(header, _ => bold);
            var headerHeight = headerLines is null ? 0 : (headerLines.Max(l => l.Count) * lineHeight) + (2 * CellPadding);
            if (headerLines is not null)
            {
                if (_y + headerHeight + lineHeight + (2 * CellPadding) > Bottom)
                {
                    NewPage();
                }

                DrawRow(headerLines, _ => bold, shaded: true);
            }

            XFont BodyFont(int i) => boldFirstColumn && i == 0 ? bold : regular;
            foreach (var row in rows)
            {
                var lines = CellLines(row, BodyFont);
                var height = (lines.Max(l => l.Count) * lineHeight) + (2 * CellPadding);
                if (_y + height > Bottom)
                {
                    NewPage();
                    if (headerLines is not null)
                    {
                        DrawRow(headerLines, _ => bold, shaded: true);
                    }
                }

                DrawRow(lines, BodyFont, shaded: false);
            }

            _y += 10;
        }

        public void Finish()
        {
            EnsurePage();
            _gfx?.Dispose();
            var footer = Font(8, bold: false);
            var total = document.PageCount;
            for (var i = 0; i < total; i++)
            {
                var page = document.Pages[i];
                using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                gfx.DrawString($"{i + 1} / {total}", footer, XBrushes.Gray,
                    new XRect(0, page.Height.Point - (Margin / 2) - 10, page.Width.Point, 10), XStringFormats.TopCenter);
            }
        }

        private double[] ColumnWidths(IReadOnlyList<string>? header, IReadOnlyList<IReadOnlyList<string>> rows, int columns, double[]? fractions)
        {
            if (fractions is not null)
            {
                return fractions.Select(f => f * Width).ToArray();
            }

            // Proportional to each column's longest text (sampled), but never narrower than a third of an equal share.
            var longest = new double[columns];
            foreach (var row in rows.Take(200).Prepend(header ?? []))
            {
                for (var i = 0; i < Math.Min(columns, row.Count); i++)
                {
                    longest[i] = Math.Max(longest[i], Math.Min(row[i].Length, 60) + 2);
                }
            }

            var floor = longest.Sum() / columns / 3;
            var adjusted = longest.Select(l => Math.Max(l, floor)).ToArray();
            var sum = adjusted.Sum();
            return adjusted.Select(l => l / sum * Width).ToArray();
        }

        private void EnsurePage()
        {
            if (_page is null)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            _page = document.AddPage();
            _page.Size = PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        /// <summary>Breaks at spaces where possible, inside a word (hashes, URLs) where not; keeps explicit line breaks.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var result = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' '))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (Measure(candidate, font) <= width)
                    {
                        line = candidate;
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        result.Add(line);
                        line = "";
                    }

                    // The word alone may still be too wide: cut it character by character.
                    foreach (var ch in word)
                    {
                        if (line.Length > 0 && Measure(line + ch, font) > width)
                        {
                            result.Add(line);
                            line = "";
                        }

                        line += ch;
                    }
                }

                result.Add(line);
            }

            return result;
        }

        private double Measure(string text, XFont font) => _gfx!.MeasureString(text, font).Width;
    }
}
