using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.ApiAccess;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.Scopes).HasMaxLength(2000);
        builder.Ignore(k => k.ScopeList);
        builder.HasIndex(k => new { k.OrganizationId, k.CreatedAt });
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(k => k.OrganizationId);
    }
}
