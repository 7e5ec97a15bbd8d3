using FinCloud.Core.Tenancy;
using FinCloud.Rules.CloudUse;

namespace FinCloud.Core.CloudUse;

/// <summary>CSP 건전성·안전성 평가 결과: the institution's own, a joint one, or the FSI's, with per-item outcomes.</summary>
public sealed class CspEvaluation : ITenantOwned
{
    private readonly List<CspEvaluationOutcome> _outcomes = [];

    private CspEvaluation()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid ServiceId { get; private init; }

    /// <summary>The cloud-use case the evaluation was made for, when it was made through a case.</summary>
    public Guid? CaseId { get; private init; }

    public CspEvaluationKind Kind { get; private init; }

    public DateOnly EvaluatedOn { get; private set; }

    public FsiEvaluationResult? Result { get; private set; }

    /// <summary>다음 정기 평가 예정일.</summary>
    public DateOnly? NextEvaluationDue { get; private set; }

    /// <summary>The catalogue the items come from.</summary>
    public string CatalogueId { get; private init; } = "";

    public DateTimeOffset CreatedAt { get; private init; }

    public IReadOnlyList<CspEvaluationOutcome> Outcomes => _outcomes;

    public static CspEvaluation Start(Guid serviceId, Guid? caseId, CspEvaluationKind kind, string catalogueId, DateOnly on, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), ServiceId = serviceId, CaseId = caseId, Kind = kind, CatalogueId = catalogueId, EvaluatedOn = on, CreatedAt = now };

    public void Conclude(FsiEvaluationResult result, DateOnly on, DateOnly? next)
    {
        Result = result;
        EvaluatedOn = on;
        NextEvaluationDue = next;
    }

    /// <summary>Records or replaces the outcome of one item.</summary>
    public CspEvaluationOutcome Mark(string itemId, ItemOutcome outcome, string? note, DateOnly? remediationDue, Guid? evidenceId, DateTimeOffset now)
    {
        var existing = _outcomes.FirstOrDefault(o => o.ItemId == itemId);
        if (existing is null)
        {
            existing = new CspEvaluationOutcome(Guid.CreateVersion7(now), Id, itemId);
            _outcomes.Add(existing);
        }

        existing.Set(outcome, note, remediationDue, evidenceId);
        return existing;
    }

    public IEnumerable<CspEvaluationOutcome> Unmet => _outcomes.Where(o => o.Outcome == ItemOutcome.NotMet);

    public ExpiryStatus? StatusOn(DateOnly today) => NextEvaluationDue is { } due ? ExpiryStatusOf.On(due, today) : null;
}

/// <summary>평가항목별 결과.</summary>
public sealed class CspEvaluationOutcome : ITenantOwned
{
    internal CspEvaluationOutcome(Guid id, Guid evaluationId, string itemId)
    {
        Id = id;
        EvaluationId = evaluationId;
        ItemId = itemId;
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid EvaluationId { get; private init; }

    public string ItemId { get; private init; }

    public ItemOutcome Outcome { get; private set; }

    public string? Note { get; private set; }

    /// <summary>보완 기한 of an unmet item.</summary>
    public DateOnly? RemediationDue { get; private set; }

    public Guid? EvidenceId { get; private set; }

    internal void Set(ItemOutcome outcome, string? note, DateOnly? remediationDue, Guid? evidenceId)
    {
        Outcome = outcome;
        Note = note;
        RemediationDue = outcome == ItemOutcome.NotMet ? remediationDue : null;
        EvidenceId = evidenceId;
    }
}

public enum CspEvaluationKind
{
    /// <summary>기관 자체 평가.</summary>
    Own = 1,

    /// <summary>공동 평가.</summary>
    Joint = 2,

    /// <summary>금융보안원 평가 결과 활용.</summary>
    Fsi = 3,
}

public enum ItemOutcome
{
    Met = 1,
    NotMet = 2,
    NotApplicable = 3,
}
