using FinCloud.Scanner.Detection;

namespace FinCloud.Scanner.Tests.Detection;

/// <summary>Runs the line detector the way the file scanner does and reports findings as <c>type@column value</c>.</summary>
public static class Scan
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static List<(IdentifierType Type, int Column, string Value, ChecksumStatus Checksum, Confidence Confidence)> Line(
        string line, HeaderContext? header = null, DateOnly? today = null)
    {
        var findings = new List<Detected>();
        new LineDetector(today ?? Today).Detect(line, header, findings);
        return [.. findings.Select(f => (
            f.Type,
            Chars_ScalarCount(line.AsSpan(0, f.Start)) + 1,
            NormalizedValue.Of(line.AsSpan(f.Start, f.Length), f.Type),
            f.Checksum,
            f.Confidence))];
    }

    public static string Labels(string line, HeaderContext? header = null) =>
        string.Join(", ", Line(line, header).Select(f => $"{f.Type.Name()}@{f.Column} {f.Value}"));

    private static int Chars_ScalarCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
