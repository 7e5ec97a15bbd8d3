using System.Text.RegularExpressions;
using FinCloud.Core.Audit;
using FinCloud.Web.Tests.Browser;

namespace FinCloud.Web.Tests.Lists;

/// <summary>The audit trail speaks the reader's language: every event type and every kind of audited record has a name.</summary>
public sealed partial class AuditLabelTests
{
    [GeneratedRegex("""Audit\(\s*AuditEventType\.[A-Za-z]+,\s*(?:nameof\((?:[A-Za-z]+\.)*([A-Za-z]+)\)|"([A-Za-z]+)")""")]
    private static partial Regex AuditedRecord();

    private static Dictionary<string, string[]> Labels(string prefix) =>
        File.ReadAllLines(Path.Combine(BrowserFixture.RepositoryRoot, "src", "FinCloud.Web", "Resources", "strings.tsv"))
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length == 3 && cells[0].StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(cells => cells[0][prefix.Length..], cells => cells[1..]);

    [Fact]
    public void Every_event_type_has_a_Korean_and_an_English_name()
    {
        var labels = Labels("Event-");
        Enum.GetNames<AuditEventType>().Where(name => !labels.ContainsKey(name)).ShouldBeEmpty("the audit page would show the code's name");
        labels.Keys.Where(name => !Enum.IsDefined(typeof(AuditEventType), name) && !Enum.TryParse<AuditEventType>(name, out _)).ShouldBeEmpty("a label for no event");
        labels.Values.ShouldAllBe(texts => texts[0].Length > 0 && texts[1].Length > 0 && texts[0] != texts[1]);
    }

    [Fact]
    public void Every_kind_of_record_the_code_audits_has_a_name()
    {
        var labels = Labels("Entity-");
        var audited = Directory.EnumerateFiles(Path.Combine(BrowserFixture.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => AuditedRecord().Matches(File.ReadAllText(file)))
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Distinct()
            .ToList();

        audited.Count.ShouldBeGreaterThan(40, "the audit calls were not found: the pattern no longer matches the code");
        audited.Where(name => !labels.ContainsKey(name)).ShouldBeEmpty("the audit page would show the record's type name");
    }
}
