using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class CloudUseTaskItemConfiguration : IEntityTypeConfiguration<CloudUseTaskItem>
{
    public void Configure(EntityTypeBuilder<CloudUseTaskItem> builder)
    {
        // Added through the parent's collection with their id set: never generated, so EF inserts them.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.ToTable("CloudUseTasks");
        builder.Property(x => x.Key).HasMaxLength(120);
        builder.Property(x => x.TitleKo).HasMaxLength(200);
        builder.Property(x => x.TitleEn).HasMaxLength(200);
        builder.Property(x => x.Citation).HasMaxLength(500);
        builder.HasIndex(x => new { x.OrganizationId, x.CaseId, x.Key }).IsUnique();
        builder.HasIndex(x => new { x.OrganizationId, x.DueBy });
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
