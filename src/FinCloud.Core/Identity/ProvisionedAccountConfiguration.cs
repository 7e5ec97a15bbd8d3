using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Identity;

internal sealed class ProvisionedAccountConfiguration : IEntityTypeConfiguration<ProvisionedAccount>
{
    public void Configure(EntityTypeBuilder<ProvisionedAccount> builder)
    {
        builder.Property(a => a.UserName).HasMaxLength(ProvisionedAccount.MaxUserNameLength);
        builder.Property(a => a.NormalizedUserName).HasMaxLength(ProvisionedAccount.MaxUserNameLength);
        builder.Property(a => a.ExternalId).HasMaxLength(ProvisionedAccount.MaxExternalIdLength);
        builder.HasIndex(a => new { a.OrganizationId, a.NormalizedUserName }).IsUnique();
        builder.HasIndex(a => new { a.OrganizationId, a.UserId }).IsUnique();
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
        builder.HasOne<FinCloudUser>().WithMany().HasForeignKey(a => a.UserId);
    }
}
