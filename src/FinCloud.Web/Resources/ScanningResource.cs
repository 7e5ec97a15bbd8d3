namespace FinCloud.Web.Resources;

/// <summary>
/// Marker for the data-scan pages' strings: Korean in ScanningResource.resx (the neutral culture), English in
/// ScanningResource.en.resx, both generated from Scanning.tsv by scripts/resx.py.
/// </summary>
public sealed class ScanningResource;
