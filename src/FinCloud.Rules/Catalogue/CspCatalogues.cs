using FinCloud.Rules.Json;
using FinCloud.Rules.Rulebooks;

namespace FinCloud.Rules.Catalogue;

/// <summary>The bundled catalogues (illustrative item texts, known structure) by id and by regime.</summary>
public static class CspCatalogues
{
    private static readonly Lazy<IReadOnlyList<CspCatalogue>> Bundled = new(() =>
        [.. RulebookLibrary.ResourceNames("csp-catalogue/").Select(n => RulebookLibrary.Load(n, RulesJsonContext.Default.CspCatalogue))]);

    public static IReadOnlyList<CspCatalogue> All => Bundled.Value;

    public static CspCatalogue ById(string id) =>
        All.FirstOrDefault(c => c.Id == id) ?? throw new ArgumentException($"No bundled CSP catalogue '{id}'.", nameof(id));

    /// <summary>The catalogue a cloud-use rulebook version reads.</summary>
    public static CspCatalogue ForRegime(string regimeId) =>
        All.FirstOrDefault(c => c.RegimeIds.Contains(regimeId)) ?? throw new ArgumentException($"No CSP catalogue for regime '{regimeId}'.", nameof(regimeId));
}
