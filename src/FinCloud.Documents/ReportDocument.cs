namespace FinCloud.Documents;

/// <summary>
/// A report as content only: the same document is written as DOCX (<see cref="DocxReportWriter"/>) and
/// PDF (<see cref="PdfReportWriter"/>), so the two never say different things.
/// </summary>
public sealed record ReportDocument(string Title, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>A line under the title (the institution, the case), or null.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Author recorded in the file's properties.</summary>
    public string Author { get; init; } = "FinCloud";
}

/// <summary>One block of a report, in reading order.</summary>
public abstract record ReportBlock;

/// <summary>A section heading; level 1 or 2.</summary>
public sealed record ReportHeading(string Text, int Level = 1) : ReportBlock;

/// <summary>A paragraph of running text; line breaks in <see cref="Text"/> start new lines.</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>Label–value pairs (사건명, 기한…), shown as a two-column table.</summary>
public sealed record ReportFields(IReadOnlyList<ReportField> Fields) : ReportBlock;

public sealed record ReportField(string Label, string Value);

/// <summary>A table with a header row; every row has as many cells as the header.</summary>
public sealed record ReportTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>Builds a <see cref="ReportDocument"/> block by block.</summary>
public sealed class ReportBuilder(string title)
{
    private readonly List<ReportBlock> _blocks = [];
    private string? _subtitle;

    public ReportBuilder Subtitle(string text)
    {
        _subtitle = text;
        return this;
    }

    public ReportBuilder Heading(string text, int level = 1)
    {
        _blocks.Add(new ReportHeading(text, Math.Clamp(level, 1, 2)));
        return this;
    }

    public ReportBuilder Paragraph(string text)
    {
        _blocks.Add(new ReportParagraph(text));
        return this;
    }

    public ReportBuilder Fields(params ReadOnlySpan<(string Label, string Value)> fields)
    {
        var list = new List<ReportField>(fields.Length);
        foreach (var (label, value) in fields)
        {
            list.Add(new ReportField(label, value));
        }

        _blocks.Add(new ReportFields(list));
        return this;
    }

    public ReportBuilder Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var materialized = rows.ToList();
        if (materialized.Any(r => r.Count != header.Count))
        {
            throw new ArgumentException("Every row needs one cell per header column.", nameof(rows));
        }

        _blocks.Add(new ReportTable(header, materialized));
        return this;
    }

    public ReportDocument Build() => new(title, _blocks.ToList()) { Subtitle = _subtitle };
}
