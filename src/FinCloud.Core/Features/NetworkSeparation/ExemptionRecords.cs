using FinCloud.Core.Tenancy;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.NetworkSeparation;

namespace FinCloud.Core.Features.NetworkSeparation;

/// <summary>
/// 통제 평가: one assessment of one control of an exemption, with its evidence. Append-only: the latest per control
/// counts, earlier ones remain as history.
/// </summary>
public sealed class ExemptionControlAssessment : ITenantOwned
{
    private ExemptionControlAssessment()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid ExemptionId { get; private init; }

    public string ControlId { get; private init; } = "";

    /// <summary>1, 2, 3… per control of the exemption: the highest is the assessment in force.</summary>
    public int Revision { get; private init; }

    public ControlAssessmentResult Result { get; private init; }

    /// <summary>What proves the result: a document name, reference or link. Never personal data.</summary>
    public string? Evidence { get; private init; }

    /// <summary>SHA-256 of the evidence file, when one was attached.</summary>
    public string? EvidenceSha256 { get; private init; }

    public Guid? AssessedBy { get; private init; }

    public DateTimeOffset AssessedAt { get; private init; }

    public static ExemptionControlAssessment Record(Guid exemptionId, string controlId, int revision, ControlAssessmentResult result,
        string? evidence, string? evidenceSha256, Guid? by, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            ExemptionId = exemptionId,
            ControlId = controlId,
            Revision = revision,
            Result = result,
            Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim(),
            EvidenceSha256 = evidenceSha256,
            AssessedBy = by,
            AssessedAt = now,
        };

    public ControlAssessment ToRule() =>
        new(ControlId, Result, new[] { Evidence, EvidenceSha256 }.OfType<string>().ToList());
}

/// <summary>보안성 평가: the 침해사고대응기관's evaluation of the exemption's SaaS (or its CSP).</summary>
public sealed class FsiSecurityEvaluation : ITenantOwned
{
    private FsiSecurityEvaluation()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid ExemptionId { get; private init; }

    /// <summary>The evaluation's reference (e.g. the FSI report number).</summary>
    public string Reference { get; private init; } = "";

    public DateOnly EvaluatedOn { get; private init; }

    public FsiEvaluationResult Result { get; private init; }

    public DateTimeOffset RecordedAt { get; private init; }

    public static FsiSecurityEvaluation Record(Guid exemptionId, string reference, DateOnly evaluatedOn, FsiEvaluationResult result, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), ExemptionId = exemptionId, Reference = reference.Trim(), EvaluatedOn = evaluatedOn, Result = result, RecordedAt = now };

    public SaasSecurityEvaluation ToRule() => new(Reference, EvaluatedOn, Result);
}

/// <summary>
/// 반기 이행점검: the evaluation of an exemption's controls for one calendar half (ED-14), assigned to a person
/// and reported to the 정보보호위원회 as an agenda item. A row exists once the review is assigned or done.
/// </summary>
public sealed class HalfYearlyControlReview : ITenantOwned
{
    private HalfYearlyControlReview()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid ExemptionId { get; private init; }

    public int Year { get; private init; }

    /// <summary>1 (상반기) or 2 (하반기).</summary>
    public int Half { get; private init; }

    public Guid? AssignedTo { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    /// <summary>점검 결과 summary.</summary>
    public string? Outcome { get; private set; }

    /// <summary>The 정보보호위원회 agenda item the review was reported under.</summary>
    public string? CommitteeAgendaItem { get; private set; }

    public HalfYear Period => new(Year, Half);

    public static HalfYearlyControlReview For(Guid exemptionId, HalfYear half, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), ExemptionId = exemptionId, Year = half.Year, Half = half.Half };

    public void Assign(Guid userId) => AssignedTo = userId;

    public void Complete(DateOnly on, string outcome, string committeeAgendaItem)
    {
        CompletedOn = on;
        Outcome = outcome.Trim();
        CommitteeAgendaItem = committeeAgendaItem.Trim();
    }
}
