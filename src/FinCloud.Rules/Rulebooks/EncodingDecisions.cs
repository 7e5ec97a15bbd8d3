using FinCloud.Rules.Json;

namespace FinCloud.Rules.Rulebooks;

/// <summary>
/// One reading the product adopts where the sources are silent, ambiguous or not yet obtained (ED-n). Rules cite
/// the id next to their provisions, so a reader can see where the text ends and the product's reading begins.
/// </summary>
public sealed record EncodingDecision(string Id, string TitleKo, string TitleEn, string SummaryKo, string SummaryEn)
{
    /// <summary>The number after "ED-", for ordering (ED-2 before ED-10).</summary>
    public int Number => int.Parse(Id.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record EncodingDecisionFile(string Source, IReadOnlyList<EncodingDecision> Decisions);

/// <summary>The bundled encoding decisions (<c>Rulebooks/decisions/encoding-decisions.json</c>), in number order.</summary>
public static class EncodingDecisions
{
    private static readonly Lazy<EncodingDecisionFile> File = new(() =>
    {
        var file = RulebookLibrary.Load("decisions/encoding-decisions.json", RulesJsonContext.Default.EncodingDecisionFile);
        return file with { Decisions = [.. file.Decisions.OrderBy(d => d.Number)] };
    });

    private static readonly Lazy<Dictionary<string, EncodingDecision>> ById =
        new(() => File.Value.Decisions.ToDictionary(d => d.Id, StringComparer.Ordinal));

    /// <summary>Where the decisions are written out in full.</summary>
    public static string Source => File.Value.Source;

    public static IReadOnlyList<EncodingDecision> All => File.Value.Decisions;

    /// <summary>The decision with this id (<c>ED-7</c>), or null.</summary>
    public static EncodingDecision? Find(string id) => ById.Value.GetValueOrDefault(id);
}
