namespace FinCloud.Rules.Rulebooks;

/// <summary>
/// 근거 조항: one provision a rule rests on, with where it was read and how sure we are of it.
/// <paramref name="EncodingDecisions"/> names the interpretations (ED-n) the rule adopts on top of the text.
/// </summary>
public sealed record Provision(
    string Key,
    string Citation,
    string? SourceUrl,
    Confidence Confidence,
    string? Note = null,
    IReadOnlyList<string>? EncodingDecisions = null);
