using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Identity;

internal sealed class SingleSignOnConfiguration : IEntityTypeConfiguration<SingleSignOn>
{
    public void Configure(EntityTypeBuilder<SingleSignOn> builder)
    {
        builder.Property(s => s.Authority).HasMaxLength(SingleSignOn.MaxAuthorityLength);
        builder.Property(s => s.ClientId).HasMaxLength(SingleSignOn.MaxClientIdLength);
        builder.Property(s => s.ProtectedClientSecret).HasMaxLength(2000);
        builder.Property(s => s.EmailDomains).HasMaxLength(SingleSignOn.MaxDomainsLength);
        builder.Ignore(s => s.DomainList);
        builder.Ignore(s => s.LoginProvider);
        builder.HasIndex(s => s.OrganizationId).IsUnique();
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(s => s.OrganizationId);
    }
}
