using System.Globalization;

namespace FinCloud.Rules.Tests.NetworkSeparation;

/// <summary>Reads the markdown tables of the domain notes on the 2024-09-27 designations (a copy kept as a fixture).</summary>
internal static class DesignationNotesTable
{
    public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "network-separation", "designations-2024.md");

    /// <summary>The data rows of the first table whose header starts with the given column names, as cell lists.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(params string[] firstHeaders)
    {
        var lines = File.ReadAllLines(Path);
        var prefix = "| " + string.Join(" | ", firstHeaders) + " |";
        var header = Array.FindIndex(lines, l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (header < 0)
        {
            throw new InvalidOperationException($"No table with header '{prefix}' in the notes.");
        }

        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(Cells).ToList();
    }

    /// <summary>Cells of a row; the notes' tables hold no escaped pipes.</summary>
    public static IReadOnlyList<string> Cells(string row) =>
        row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    public static string StripCode(string cell) => cell.Trim('`');

    /// <summary><c>'21.4월 (day not stated)</c> or <c>2020-04-01 ('20.4월)</c> to the date as precise as it is written.</summary>
    public static string DateIn(string cell)
    {
        var iso = System.Text.RegularExpressions.Regex.Match(cell, @"\d{4}-\d{2}-\d{2}");
        if (iso.Success)
        {
            return iso.Value;
        }

        var month = System.Text.RegularExpressions.Regex.Match(cell, @"'(\d{2})\.(\d{1,2})월");
        return month.Success
            ? string.Create(CultureInfo.InvariantCulture, $"20{month.Groups[1].Value}-{int.Parse(month.Groups[2].Value, CultureInfo.InvariantCulture):D2}")
            : throw new FormatException($"No date in '{cell}'.");
    }
}
