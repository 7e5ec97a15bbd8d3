namespace FinCloud.Scanner.Detection;

/// <summary>
/// Header context (scan-labels §3.3): the classes of each field of line 1 of a CSV or TSV file, and how to
/// find the field a candidate sits in.
/// </summary>
public sealed class HeaderContext
{
    private readonly ContextClass[] _fieldClasses;

    private HeaderContext(char delimiter, bool quotesToggle, ContextClass[] fieldClasses)
    {
        Delimiter = delimiter;
        QuotesToggle = quotesToggle;
        _fieldClasses = fieldClasses;
        IsUseful = fieldClasses.Any(c => c != ContextClass.None);
    }

    public char Delimiter { get; }

    /// <summary>False for sheets, whose cells are known exactly and whose quotes are plain text.</summary>
    public bool QuotesToggle { get; }

    /// <summary>The delimiter a file name implies: <c>,</c> for .csv, TAB for .tsv, none otherwise.</summary>
    public static char? DelimiterFor(string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ','
        : fileName.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t'
        : null;

    public static HeaderContext Parse(ReadOnlySpan<char> headerLine, char delimiter, bool quotesToggle = true)
    {
        var classes = new List<ContextClass>();
        var fieldStart = 0;
        var inQuotes = false;
        for (var i = 0; i <= headerLine.Length; i++)
        {
            if (i == headerLine.Length || (headerLine[i] == delimiter && !inQuotes))
            {
                classes.Add(Keywords.ClassesIn(headerLine[fieldStart..i]));
                fieldStart = i + 1;
            }
            else if (quotesToggle && headerLine[i] == '"')
            {
                inQuotes = !inQuotes;
            }
        }

        return new HeaderContext(delimiter, quotesToggle, [.. classes]);
    }

    public ContextClass ClassesOfField(int index) =>
        index < _fieldClasses.Length ? _fieldClasses[index] : ContextClass.None;

    /// <summary>True when some header field carries any class (otherwise the header adds nothing).</summary>
    public bool IsUseful { get; }
}
