namespace FinCloud.Web.Resources;

/// <summary>
/// Marker for the UI strings: Korean in SharedResource.resx (the neutral culture), English in SharedResource.en.resx.
/// Both are generated from strings.tsv by scripts/resx.py.
/// </summary>
public sealed class SharedResource;
