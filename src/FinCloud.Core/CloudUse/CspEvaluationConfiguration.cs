using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class CspEvaluationConfiguration : IEntityTypeConfiguration<CspEvaluation>
{
    public void Configure(EntityTypeBuilder<CspEvaluation> builder)
    {
        builder.Property(x => x.CatalogueId).HasMaxLength(100);
        builder.HasIndex(x => new { x.OrganizationId, x.ServiceId });
        builder.HasIndex(x => new { x.OrganizationId, x.CaseId });
        builder.HasOne<CloudService>().WithMany().HasForeignKey(x => x.ServiceId);
        builder.HasMany(x => x.Outcomes).WithOne().HasForeignKey(x => x.EvaluationId);
        builder.Navigation(x => x.Outcomes).HasField("_outcomes");
        // A filtered view of Outcomes, not a second relationship (by convention it became one, with a stray column).
        builder.Ignore(x => x.Unmet);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
