namespace FinCloud.Core.Features.Oscal;

// The part of the OSCAL 1.1 model FinCloud writes and reads (docs/oscal.md). Property names are OSCAL's own
// (kebab-case, see OscalJson); absent optional fields are left out, never written as null.

public sealed record OscalCatalogDocument(OscalCatalog Catalog);

public sealed record OscalCatalog(
    Guid Uuid,
    OscalMetadata Metadata,
    IReadOnlyList<OscalGroup>? Groups = null,
    IReadOnlyList<OscalControl>? Controls = null);

public sealed record OscalMetadata(
    string Title,
    DateTimeOffset LastModified,
    string Version,
    string OscalVersion,
    IReadOnlyList<OscalProperty>? Props = null,
    IReadOnlyList<OscalLink>? Links = null,
    string? Remarks = null);

/// <summary>An OSCAL <c>prop</c>: FinCloud's own names carry <see cref="OscalJson.Namespace"/>.</summary>
public sealed record OscalProperty(string Name, string Value, string? Ns = null, string? Class = null, string? Remarks = null);

public sealed record OscalLink(string Href, string? Rel = null, string? Text = null);

public sealed record OscalPart(string Name, string? Id = null, string? Title = null, string? Prose = null, IReadOnlyList<OscalProperty>? Props = null);

public sealed record OscalGroup(
    string Title,
    string? Id = null,
    IReadOnlyList<OscalProperty>? Props = null,
    IReadOnlyList<OscalGroup>? Groups = null,
    IReadOnlyList<OscalControl>? Controls = null);

public sealed record OscalControl(
    string Id,
    string Title,
    IReadOnlyList<OscalProperty>? Props = null,
    IReadOnlyList<OscalLink>? Links = null,
    IReadOnlyList<OscalPart>? Parts = null,
    IReadOnlyList<OscalControl>? Controls = null);

public sealed record OscalAssessmentResultsDocument(OscalAssessmentResults AssessmentResults);

public sealed record OscalAssessmentResults(Guid Uuid, OscalMetadata Metadata, OscalImportAp ImportAp, IReadOnlyList<OscalResult> Results);

/// <summary>Where the assessment plan lives; FinCloud points at the case the evaluation belongs to (docs/oscal.md).</summary>
public sealed record OscalImportAp(string Href, string? Remarks = null);

public sealed record OscalResult(
    Guid Uuid,
    string Title,
    string Description,
    DateTimeOffset Start,
    OscalReviewedControls ReviewedControls,
    IReadOnlyList<OscalProperty>? Props = null,
    IReadOnlyList<OscalObservation>? Observations = null,
    IReadOnlyList<OscalFinding>? Findings = null,
    string? Remarks = null);

public sealed record OscalReviewedControls(IReadOnlyList<OscalControlSelection> ControlSelections);

public sealed record OscalControlSelection(IReadOnlyList<OscalSelectControl> IncludeControls, string? Description = null);

public sealed record OscalSelectControl(string ControlId);

public sealed record OscalObservation(
    Guid Uuid,
    string Title,
    string Description,
    IReadOnlyList<string> Methods,
    DateTimeOffset Collected,
    IReadOnlyList<OscalProperty>? Props = null,
    IReadOnlyList<OscalRelevantEvidence>? RelevantEvidence = null,
    string? Remarks = null);

public sealed record OscalRelevantEvidence(string Description, string? Href = null);

public sealed record OscalFinding(
    Guid Uuid,
    string Title,
    string Description,
    OscalFindingTarget Target,
    IReadOnlyList<OscalProperty>? Props = null,
    IReadOnlyList<OscalRelatedObservation>? RelatedObservations = null,
    string? Remarks = null);

public sealed record OscalFindingTarget(string Type, string TargetId, OscalObjectiveStatus Status, string? Title = null);

public sealed record OscalObjectiveStatus(string State, string? Reason = null, string? Remarks = null);

public sealed record OscalRelatedObservation(Guid ObservationUuid);
