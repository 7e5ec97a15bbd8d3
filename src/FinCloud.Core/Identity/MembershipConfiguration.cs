using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Identity;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasIndex(m => new { m.OrganizationId, m.UserId, m.Role }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(m => m.OrganizationId);
        builder.HasOne<FinCloudUser>().WithMany().HasForeignKey(m => m.UserId);
    }
}
