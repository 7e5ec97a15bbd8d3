namespace FinCloud.Web.Resources;

/// <summary>
/// Marker for the network-separation pages' strings: Korean in NetworkSeparationResource.resx (the neutral culture),
/// English in NetworkSeparationResource.en.resx, both generated from NetworkSeparation.tsv by scripts/resx.py.
/// </summary>
public sealed class NetworkSeparationResource;
