using FinCloud.Core.Tenancy;
using FinCloud.Rules.NetworkSeparation;

namespace FinCloud.Core.Features.NetworkSeparation;

/// <summary>Where an exemption stands. Only <see cref="Active"/> permits use.</summary>
public enum ExemptionStatus
{
    /// <summary>등록: recorded, conditions being assessed.</summary>
    Draft = 1,

    /// <summary>적용 중.</summary>
    Active = 2,

    /// <summary>중지: a control failed while in use.</summary>
    Suspended = 3,

    /// <summary>종료.</summary>
    Closed = 4,
}

/// <summary>
/// 망분리 예외: an approved exception to network separation for one use (R&amp;D network, sandbox SaaS, standing SaaS
/// exception …). It keeps the control catalogue version it was registered under (ED-14) and goes active only
/// through <see cref="Activate"/>, which obeys the activation rule.
/// </summary>
public sealed class SeparationExemption : ITenantOwned
{
    private SeparationExemption()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>예외명, e.g. "Microsoft 365 내부망 이용".</summary>
    public string Title { get; private set; } = "";

    public SeparationExemptionKind Kind { get; private init; }

    /// <summary>The control catalogue version in force at registration, e.g. <c>sandbox-designation/2024-09-27</c>.</summary>
    public string CatalogueVersion { get; private init; } = "";

    /// <summary>근거 조항 as cited by the catalogue, with its confidence tag.</summary>
    public string LegalBasis { get; private init; } = "";

    /// <summary>The FSC designation relied on (e.g. <c>IFS-20240927-N04</c>), for the sandbox route.</summary>
    public string? DesignationId { get; private init; }

    /// <summary>허용 업무 범위.</summary>
    public string WorkScope { get; private set; } = "";

    public string? SaasName { get; private set; }

    public string? CspName { get; private set; }

    /// <summary>처리 제외 데이터: never narrower than the designation's or the route's own exclusions.</summary>
    public List<DataCategory> ExcludedData { get; private set; } = [];

    public DateOnly? PeriodStart { get; private set; }

    public DateOnly? PeriodEnd { get; private set; }

    /// <summary>연장: the new end after an extension.</summary>
    public DateOnly? ExtendedUntil { get; private set; }

    public ExemptionStatus Status { get; private set; }

    /// <summary>The day (KST) the exemption went active; half-yearly reviews count from its half.</summary>
    public DateOnly? ActiveFrom { get; private set; }

    /// <summary>정보보호위원회 심의·의결 reference.</summary>
    public string? CommitteeResolution { get; private set; }

    /// <summary>위험성 평가 reference.</summary>
    public string? RiskAssessment { get; private set; }

    /// <summary>
    /// When the institution shared the exemption with the FSS (a report or a designation notice). Only shared
    /// exemptions appear in the supervisor's view, and sharing is audited.
    /// </summary>
    public DateTimeOffset? SharedWithSupervisorAt { get; private set; }

    public Guid? CreatedBy { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>The end in force: the extension when there is one.</summary>
    public DateOnly? EffectiveEnd => ExtendedUntil ?? PeriodEnd;

    public ControlCatalogue Catalogue =>
        ControlCatalogueLibrary.ByVersion(CatalogueVersion) ?? throw new InvalidOperationException($"Unknown catalogue {CatalogueVersion}.");

    public static SeparationExemption Register(ExemptionRegistration r, ControlCatalogue catalogue, Designation? designation,
        IReadOnlyList<DataCategory> designationExclusions, Guid? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(catalogue);
        // The route's and the designation's exclusions always apply; the institution may add more, never remove.
        var excluded = r.ExcludedData.Concat(catalogue.ExcludedData).Concat(designationExclusions).Distinct().Order().ToList();
        return new SeparationExemption
        {
            Id = Guid.CreateVersion7(now),
            Title = r.Title.Trim(),
            Kind = catalogue.Kind,
            CatalogueVersion = catalogue.Version,
            LegalBasis = string.Join("; ", catalogue.LegalBasis.Select(p => $"{p.Citation} {FinCloud.Rules.Rulebooks.ConfidenceExtensions.Tag(p.Confidence)}")),
            DesignationId = designation?.Id,
            WorkScope = r.WorkScope.Trim(),
            SaasName = r.SaasName?.Trim(),
            CspName = r.CspName?.Trim(),
            ExcludedData = excluded,
            PeriodStart = r.PeriodStart,
            PeriodEnd = r.PeriodEnd,
            Status = ExemptionStatus.Draft,
            CommitteeResolution = r.CommitteeResolution,
            RiskAssessment = r.RiskAssessment,
            CreatedBy = by,
            CreatedAt = now,
        };
    }

    /// <summary>Goes active when the rule allows it; otherwise stays as it is and the decision says why.</summary>
    public ActivationDecision Activate(ActivationDecision decision, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (Status is ExemptionStatus.Active or ExemptionStatus.Closed)
        {
            return new([new(ActivationBlockerKind.WrongStatus, null, $"현재 상태({Status})에서는 적용할 수 없습니다")]);
        }

        if (decision.CanActivate)
        {
            Status = ExemptionStatus.Active;
            ActiveFrom ??= today;
        }

        return decision;
    }

    /// <summary>A mandatory control failed while in use: use must stop until it is fixed and the exemption re-activated.</summary>
    public bool Suspend()
    {
        if (Status != ExemptionStatus.Active)
        {
            return false;
        }

        Status = ExemptionStatus.Suspended;
        return true;
    }

    /// <summary>연장: a new end after the current one; refused (false) when it would not prolong the period.</summary>
    public bool Extend(DateOnly until)
    {
        if (EffectiveEnd is { } end && until <= end)
        {
            return false;
        }

        ExtendedUntil = until;
        return true;
    }

    /// <summary>Shares the exemption with the supervisor; false when it was already shared.</summary>
    public bool ShareWithSupervisor(DateTimeOffset now)
    {
        if (SharedWithSupervisorAt is not null)
        {
            return false;
        }

        SharedWithSupervisorAt = now;
        return true;
    }
}

/// <summary>What an institution enters to register an exemption.</summary>
public sealed record ExemptionRegistration(
    string Title,
    SeparationExemptionKind Kind,
    string WorkScope,
    string? SaasName,
    string? CspName,
    IReadOnlyList<DataCategory> ExcludedData,
    string? DesignationId = null,
    DateOnly? PeriodStart = null,
    DateOnly? PeriodEnd = null,
    string? CommitteeResolution = null,
    string? RiskAssessment = null);
