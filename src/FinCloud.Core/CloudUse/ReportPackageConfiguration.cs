using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class ReportPackageConfiguration : IEntityTypeConfiguration<ReportPackage>
{
    public void Configure(EntityTypeBuilder<ReportPackage> builder)
    {
        builder.Property(x => x.TaskKey).HasMaxLength(120);
        builder.Property(x => x.DueComputation).HasMaxLength(1000);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.Property(x => x.ManifestSha256).HasMaxLength(64);
        builder.Property(x => x.StorageKey).HasMaxLength(300);
        builder.Property(x => x.Channel).HasMaxLength(100);
        builder.HasIndex(x => new { x.OrganizationId, x.CaseId });
        builder.HasOne<CloudUseCase>().WithMany().HasForeignKey(x => x.CaseId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
