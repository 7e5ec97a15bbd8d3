using System.Text.Json;
using FinCloud.Scanner.Corpus;

namespace FinCloud.Scanner.Tests.Files;

/// <summary>Precision and recall per type against the generator's ground truth, and the checked-in sample.</summary>
public sealed class AccuracyTests
{
    private static string Key(Finding f, string root) =>
        $"{Path.GetRelativePath(root, f.Path).Replace('\\', '/')}|{f.Line}|{f.Type.Name()}|{f.ValueSha256}";

    [Fact]
    public async Task Every_type_reaches_an_F1_of_at_least_0_99_on_the_generated_corpus()
    {
        using var folder = new TempFolder();
        var files = new KoreanCorpus(seed: 20261127, Scanning.Today).Standard(3000);
        KoreanCorpus.Write(folder.Path, files);
        var (findings, _) = await Scanning.RunAsync(folder.Path);

        var expected = files.SelectMany(f => f.Labels).ToDictionary(l => l.Key, l => l);
        var actual = findings.Select(f => Key(f, folder.Path)).ToHashSet();
        var report = new List<string>();
        foreach (var type in ContractNames.AllTypeNames)
        {
            var truth = expected.Keys.Where(k => k.Split('|')[2] == type).ToHashSet();
            var found = actual.Where(k => k.Split('|')[2] == type).ToHashSet();
            var truePositives = found.Count(truth.Contains);
            var precision = found.Count == 0 ? 1 : (double)truePositives / found.Count;
            var recall = truth.Count == 0 ? 1 : (double)truePositives / truth.Count;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            truth.Count.ShouldBeGreaterThan(50, $"the corpus should hold {type} values");
            report.Add($"{type}: precision {precision:F4} recall {recall:F4} F1 {f1:F4} ({truth.Count} labels)");
            if (f1 < 0.99)
            {
                var missed = truth.Where(k => !found.Contains(k)).Take(5).Select(k => $"missed {k} = {expected[k].Value}");
                var extra = found.Where(k => !truth.Contains(k)).Take(5).Select(k => $"extra {k}");
                Assert.Fail(string.Join('\n', report.Concat(missed).Concat(extra)));
            }
        }

        TestContext.Current.SendDiagnosticMessage(string.Join('\n', report));
    }

    [Fact]
    public async Task The_checked_in_sample_yields_exactly_its_labels()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sample");
        var labels = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sample.labels.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(l => $"{l.GetProperty("path").GetString()}|{l.GetProperty("line").GetInt64()}|{l.GetProperty("type").GetString()}|{l.GetProperty("valueSha256").GetString()}")
            .ToHashSet();
        var (findings, summary) = await Scanning.RunAsync(sample);

        summary.Errors.ShouldBeEmpty();
        labels.Count.ShouldBeGreaterThan(100);
        var actual = findings.Select(f => Key(f, sample)).ToHashSet();
        actual.Except(labels).ShouldBeEmpty("findings without a label");
        labels.Except(actual).ShouldBeEmpty("labels without a finding");
    }
}
