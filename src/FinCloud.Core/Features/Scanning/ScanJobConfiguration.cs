using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Features.Scanning;

internal sealed class ScanJobConfiguration : IEntityTypeConfiguration<ScanJob>
{
    public void Configure(EntityTypeBuilder<ScanJob> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(j => j.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => new { j.OrganizationId, j.Status });
        builder.Property(j => j.SourceKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Source).HasMaxLength(1000);
        builder.Property(j => j.ContentSha256).HasMaxLength(64);
        builder.Property(j => j.ResultSha256).HasMaxLength(64);
        builder.Property(j => j.Error).HasMaxLength(500);
    }
}
