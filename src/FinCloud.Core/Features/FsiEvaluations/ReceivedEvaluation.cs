using FinCloud.Core.CloudUse;
using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;
using FinCloud.Rules.CloudUse;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Features.FsiEvaluations;

/// <summary>
/// An FSI result as one institution holds it (from the FSI in this installation, or from a signed bundle), and, once
/// reused, the registry evaluation and service it stands behind. Owned by the institution.
/// </summary>
public sealed class ReceivedEvaluation : ITenantOwned
{
    private ReceivedEvaluation()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>The FSI's id of the result (<see cref="PublishedEvaluation.Id"/>).</summary>
    public Guid PublicationId { get; private init; }

    public Guid? Supersedes { get; private init; }

    public string IssuerName { get; private init; } = "";

    public string ProviderName { get; private init; } = "";

    public string ServiceName { get; private init; } = "";

    public ServiceModel ServiceModel { get; private init; }

    public FsiEvaluationType Type { get; private init; }

    public string CatalogueId { get; private init; } = "";

    public DateOnly EvaluatedOn { get; private init; }

    public DateOnly ValidUntil { get; private init; }

    public FsiVerdict Verdict { get; private init; }

    /// <summary>Item results as JSON (<c>[{"itemId","outcome","remediationDue"}]</c>), shown to the institution as received.</summary>
    public string ItemsJson { get; private init; } = "[]";

    public int UnmetItems { get; private init; }

    public DateTimeOffset ReceivedAt { get; private init; }

    public DateTimeOffset? SupersededAt { get; private set; }

    /// <summary>The institution's service the result was reused for, and the registry evaluation created for it.</summary>
    public Guid? ServiceId { get; private set; }

    public Guid? CspEvaluationId { get; private set; }

    public bool IsSuperseded => SupersededAt is not null;

    public bool IsReusable => Verdict != FsiVerdict.Unsuitable && !IsSuperseded;

    public static ReceivedEvaluation Receive(Guid publicationId, Guid? supersedes, string issuer, string provider, string service, ServiceModel model, FsiEvaluationType type,
        string catalogueId, DateOnly evaluatedOn, DateOnly validUntil, FsiVerdict verdict, string itemsJson, int unmet, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            PublicationId = publicationId,
            Supersedes = supersedes,
            IssuerName = issuer,
            ProviderName = provider,
            ServiceName = service,
            ServiceModel = model,
            Type = type,
            CatalogueId = catalogueId,
            EvaluatedOn = evaluatedOn,
            ValidUntil = validUntil,
            Verdict = verdict,
            ItemsJson = itemsJson,
            UnmetItems = unmet,
            ReceivedAt = now,
        };

    public void MarkSuperseded(DateTimeOffset now) => SupersededAt ??= now;

    public void ReusedFor(Guid serviceId, Guid cspEvaluationId)
    {
        ServiceId = serviceId;
        CspEvaluationId = cspEvaluationId;
    }

    /// <summary>Why a case may no longer rely on this result on <paramref name="today"/>; null while it holds.</summary>
    public string? ProblemOn(DateOnly today) =>
        IsSuperseded ? "superseded" : today > ValidUntil ? "expired" : null;
}

internal sealed class ReceivedEvaluationConfiguration : IEntityTypeConfiguration<ReceivedEvaluation>
{
    public void Configure(EntityTypeBuilder<ReceivedEvaluation> builder)
    {
        builder.Property(x => x.IssuerName).HasMaxLength(200);
        builder.Property(x => x.ProviderName).HasMaxLength(200);
        builder.Property(x => x.ServiceName).HasMaxLength(200);
        builder.Property(x => x.CatalogueId).HasMaxLength(100);
        builder.Ignore(x => x.IsSuperseded);
        builder.Ignore(x => x.IsReusable);
        builder.HasIndex(x => new { x.OrganizationId, x.PublicationId }).IsUnique();
        builder.HasIndex(x => new { x.OrganizationId, x.ServiceId });
        builder.HasOne<CloudService>().WithMany().HasForeignKey(x => x.ServiceId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
