using System.Text.RegularExpressions;
using FinCloud.Web.Tests.Browser;

namespace FinCloud.Web.Tests.Api;

public sealed partial class ConflictCodeTests
{
    [GeneratedRegex("""Conflict\("([a-z]+(?:-[a-z]+)*)"\)""")]
    private static partial Regex ConflictCode();

    [Fact]
    public void Every_conflict_code_a_handler_answers_with_has_a_text_for_the_problem_detail()
    {
        var root = BrowserFixture.RepositoryRoot;
        var texts = File.ReadAllLines(Path.Combine(root, "src", "FinCloud.Web", "Resources", "strings.tsv"))
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length == 3 && cells[0].StartsWith("Conflict-", StringComparison.Ordinal))
            .ToDictionary(cells => cells[0]["Conflict-".Length..], cells => cells[1]);
        var codes = Directory.EnumerateFiles(Path.Combine(root, "src", "FinCloud.Web", "Features"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => ConflictCode().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        codes.Count.ShouldBeGreaterThan(10, "the handlers' codes were not found: the pattern no longer matches the code");
        codes.Where(code => !texts.ContainsKey(code)).ShouldBeEmpty("a 409 without a text reaches API clients with the bare code as its detail");
        texts.Values.ShouldAllBe(text => text.Length > 0);
    }
}
