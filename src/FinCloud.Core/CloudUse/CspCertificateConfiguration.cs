using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class CspCertificateConfiguration : IEntityTypeConfiguration<CspCertificate>
{
    public void Configure(EntityTypeBuilder<CspCertificate> builder)
    {
        builder.HasIndex(x => new { x.OrganizationId, x.ValidUntil });
        builder.HasOne<CloudProvider>().WithMany().HasForeignKey(x => x.ProviderId);
        builder.HasOne<CloudService>().WithMany().HasForeignKey(x => x.ServiceId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
