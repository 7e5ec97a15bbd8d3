namespace FinCloud.Web.Resources;

/// <summary>
/// Marker for the supervision and exchange pages' strings (보고 접수함, 업권 리스크 현황, 교환 번들): Korean in
/// SupervisionResource.resx, English in SupervisionResource.en.resx, both generated from Supervision.tsv by scripts/resx.py.
/// </summary>
public sealed class SupervisionResource;
