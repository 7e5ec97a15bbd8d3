using System.Text.RegularExpressions;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.Rulebooks;
using FinCloud.Rules.Tests.CloudUse;

namespace FinCloud.Rules.Tests.Rulebooks;

public sealed partial class EncodingDecisionsTests
{
    [GeneratedRegex(@"ED-\d+")]
    private static partial Regex DecisionId();

    [GeneratedRegex(@"\p{IsHangulSyllables}")]
    private static partial Regex Hangul();

    [Fact]
    public void The_reference_s_twenty_two_decisions_are_bundled_in_order_each_named_in_Korean_and_English()
    {
        EncodingDecisions.All.Select(d => d.Id).ShouldBe(Enumerable.Range(1, 22).Select(n => $"ED-{n}"));
        EncodingDecisions.All.ShouldAllBe(d => Hangul().IsMatch(d.TitleKo) && Hangul().IsMatch(d.SummaryKo));
        EncodingDecisions.All.ShouldAllBe(d => d.TitleEn.Length > 0 && d.SummaryEn.Length > d.TitleEn.Length);
        EncodingDecisions.Source.ShouldContain("regulation-kr.md");
        EncodingDecisions.Find("ED-8")!.TitleKo.ShouldContain("민법");
        EncodingDecisions.Find("ED-23").ShouldBeNull();
    }

    [Fact]
    public void Every_decision_the_bundled_rule_data_cites_exists()
    {
        var assembly = typeof(RulebookLibrary).Assembly;
        var cited = assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".json", StringComparison.Ordinal) && !name.Contains("encoding-decisions", StringComparison.Ordinal))
            .SelectMany(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return DecisionId().Matches(reader.ReadToEnd()).Select(m => (name, m.Value)).ToList();
            })
            .ToList();

        cited.Count.ShouldBeGreaterThan(10, "the rulebooks cite decisions beside their provisions");
        cited.Where(c => EncodingDecisions.Find(c.Value) is null).ShouldBeEmpty();
    }

    [Fact]
    public void Every_decision_an_explanation_cites_exists()
    {
        var scenario = Scenarios.Material(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 15));
        var text = DecisionExplainer.Explain(scenario, CloudUseRules.Evaluate(scenario));
        var ids = DecisionId().Matches(text).Select(m => m.Value).Distinct().ToList();
        ids.ShouldContain("ED-2");
        ids.ShouldAllBe(id => EncodingDecisions.Find(id) != null);
    }
}
