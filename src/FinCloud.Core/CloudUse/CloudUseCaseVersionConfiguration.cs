using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class CloudUseCaseVersionConfiguration : IEntityTypeConfiguration<CloudUseCaseVersion>
{
    public void Configure(EntityTypeBuilder<CloudUseCaseVersion> builder)
    {
        // Added through the parent's collection with their id set: never generated, so EF inserts them.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.RegimeId).HasMaxLength(50);
        builder.Property(x => x.CalendarVersion).HasMaxLength(50);
        builder.Property(x => x.Summary).HasMaxLength(1000);
        builder.HasIndex(x => new { x.OrganizationId, x.CaseId, x.Number }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
