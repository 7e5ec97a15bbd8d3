using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class CspEvaluationOutcomeConfiguration : IEntityTypeConfiguration<CspEvaluationOutcome>
{
    public void Configure(EntityTypeBuilder<CspEvaluationOutcome> builder)
    {
        // Added through the parent's collection with their id set: never generated, so EF inserts them.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ItemId).HasMaxLength(50);
        builder.Property(x => x.Note).HasMaxLength(2000);
        builder.HasIndex(x => new { x.OrganizationId, x.EvaluationId, x.ItemId }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
