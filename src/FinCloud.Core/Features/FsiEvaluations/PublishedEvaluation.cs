using FinCloud.Core.CloudUse;
using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;
using FinCloud.Rules.CloudUse;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Features.FsiEvaluations;

/// <summary>평가 구분 of an FSI evaluation.</summary>
public enum FsiEvaluationType
{
    /// <summary>종합평가.</summary>
    Comprehensive = 1,

    /// <summary>정기평가.</summary>
    Periodic = 2,

    /// <summary>확인평가 (follow-up of unmet items).</summary>
    Confirmation = 3,
}

/// <summary>종합 판정.</summary>
public enum FsiVerdict
{
    /// <summary>적합.</summary>
    Suitable = 1,

    /// <summary>충족 (met with conditions: unmet items carry due dates).</summary>
    Satisfied = 2,

    /// <summary>부적합.</summary>
    Unsuitable = 3,
}

public enum PublicationState
{
    /// <summary>계획·작성 중.</summary>
    Draft = 1,

    /// <summary>공개: every institution can see and reuse it.</summary>
    Published = 2,

    /// <summary>대체됨: a later result replaced it.</summary>
    Superseded = 3,
}

/// <summary>
/// 금융보안원 대표평가 결과: the FSI's evaluation of one CSP service against the catalogue in force, planned, recorded item
/// by item and published once for every institution to reuse. Owned by the FSI.
/// </summary>
public sealed class PublishedEvaluation : ITenantOwned
{
    private readonly List<PublishedEvaluationItem> _items = [];

    private PublishedEvaluation()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string ProviderName { get; private init; } = "";

    public string ServiceName { get; private init; } = "";

    public ServiceModel ServiceModel { get; private init; }

    public FsiEvaluationType Type { get; private init; }

    public string CatalogueId { get; private init; } = "";

    public DateOnly PlannedOn { get; private init; }

    public DateOnly? EvaluatedOn { get; private set; }

    /// <summary>유효기간 (last day the result may be reused).</summary>
    public DateOnly? ValidUntil { get; private set; }

    public FsiVerdict? Verdict { get; private set; }

    public PublicationState State { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The earlier result this one replaces when published.</summary>
    public Guid? Supersedes { get; private init; }

    public Guid? SupersededBy { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    public IReadOnlyList<PublishedEvaluationItem> Items => _items;

    public static PublishedEvaluation Plan(string provider, string service, ServiceModel model, FsiEvaluationType type, string catalogueId, DateOnly plannedOn, Guid? supersedes, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            ProviderName = provider.Trim(),
            ServiceName = service.Trim(),
            ServiceModel = model,
            Type = type,
            CatalogueId = catalogueId,
            PlannedOn = plannedOn,
            Supersedes = supersedes,
            State = PublicationState.Draft,
        };

    public PublishedEvaluationItem Record(string itemId, ItemOutcome outcome, string? note, DateOnly? remediationDue, DateTimeOffset now)
    {
        RequireDraft();
        var item = _items.FirstOrDefault(i => i.ItemId == itemId);
        if (item is null)
        {
            item = new PublishedEvaluationItem(Guid.CreateVersion7(now), Id, itemId);
            _items.Add(item);
        }

        item.Set(outcome, note, remediationDue);
        return item;
    }

    public void Publish(FsiVerdict verdict, DateOnly evaluatedOn, DateOnly validUntil, DateTimeOffset now)
    {
        RequireDraft();
        if (validUntil < evaluatedOn)
        {
            throw new InvalidOperationException("The validity ends before the evaluation day.");
        }

        if (verdict == FsiVerdict.Suitable && _items.Any(i => i.Outcome == ItemOutcome.NotMet))
        {
            throw new InvalidOperationException("적합 needs every item met; with unmet items the verdict is 충족 or 부적합.");
        }

        Verdict = verdict;
        EvaluatedOn = evaluatedOn;
        ValidUntil = validUntil;
        State = PublicationState.Published;
        PublishedAt = now;
    }

    public void SupersedeWith(Guid replacement, DateTimeOffset now)
    {
        if (State != PublicationState.Published)
        {
            throw new InvalidOperationException("Only a published result can be superseded.");
        }

        State = PublicationState.Superseded;
        SupersededBy = replacement;
        SupersededAt = now;
    }

    private void RequireDraft()
    {
        if (State != PublicationState.Draft)
        {
            throw new InvalidOperationException("A published result cannot be changed; plan a new evaluation that supersedes it.");
        }
    }
}

/// <summary>항목별 평가 결과 of an FSI evaluation; unmet items carry a 보완 기한.</summary>
public sealed class PublishedEvaluationItem : ITenantOwned
{
    internal PublishedEvaluationItem(Guid id, Guid evaluationId, string itemId)
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

    public DateOnly? RemediationDue { get; private set; }

    internal void Set(ItemOutcome outcome, string? note, DateOnly? remediationDue)
    {
        Outcome = outcome;
        Note = note;
        RemediationDue = outcome == ItemOutcome.NotMet ? remediationDue : null;
    }
}

internal sealed class PublishedEvaluationConfiguration : IEntityTypeConfiguration<PublishedEvaluation>
{
    public void Configure(EntityTypeBuilder<PublishedEvaluation> builder)
    {
        builder.Property(x => x.ProviderName).HasMaxLength(200);
        builder.Property(x => x.ServiceName).HasMaxLength(200);
        builder.Property(x => x.CatalogueId).HasMaxLength(100);
        builder.HasIndex(x => new { x.OrganizationId, x.State });
        builder.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.EvaluationId);
        builder.Navigation(x => x.Items).HasField("_items");
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}

internal sealed class PublishedEvaluationItemConfiguration : IEntityTypeConfiguration<PublishedEvaluationItem>
{
    public void Configure(EntityTypeBuilder<PublishedEvaluationItem> builder)
    {
        // Added through the parent's collection with their id set: never generated, so EF inserts them.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ItemId).HasMaxLength(40);
        builder.Property(x => x.Note).HasMaxLength(2000);
        builder.HasIndex(x => new { x.OrganizationId, x.EvaluationId, x.ItemId }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
