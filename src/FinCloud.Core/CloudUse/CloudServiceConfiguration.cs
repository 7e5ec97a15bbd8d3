using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class CloudServiceConfiguration : IEntityTypeConfiguration<CloudService>
{
    public void Configure(EntityTypeBuilder<CloudService> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(200);
        builder.Property(x => x.Regions).HasMaxLength(500);
        builder.HasIndex(x => new { x.OrganizationId, x.ProviderId });
        builder.HasOne<CloudProvider>().WithMany().HasForeignKey(x => x.ProviderId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
