namespace FinCloud.Web.Resources;

/// <summary>
/// Marker for the continuity pages' strings: Korean in ContinuityResource.resx (the neutral culture), English in
/// ContinuityResource.en.resx, both generated from Continuity.tsv by scripts/resx.py.
/// </summary>
public sealed class ContinuityResource;
