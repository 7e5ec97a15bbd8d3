using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Features.Exchange;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.Property(x => x.KeyId).HasMaxLength(64);
        builder.Property(x => x.PublicKeyPem).HasMaxLength(1000);
        builder.Property(x => x.ProtectedPrivateKey).HasMaxLength(4000);
        builder.Ignore(x => x.IsActive);
        builder.HasIndex(x => new { x.OrganizationId, x.KeyId }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}

internal sealed class TrustedIssuerConfiguration : IEntityTypeConfiguration<TrustedIssuer>
{
    public void Configure(EntityTypeBuilder<TrustedIssuer> builder)
    {
        builder.Property(x => x.KeyId).HasMaxLength(64);
        builder.Property(x => x.IssuerName).HasMaxLength(200);
        builder.Property(x => x.PublicKeyPem).HasMaxLength(1000);
        builder.Ignore(x => x.IsActive);
        builder.HasIndex(x => new { x.OrganizationId, x.KeyId }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}

internal sealed class ImportedBundleConfiguration : IEntityTypeConfiguration<ImportedBundle>
{
    public void Configure(EntityTypeBuilder<ImportedBundle> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.IssuerName).HasMaxLength(200);
        builder.Property(x => x.IssuerKeyId).HasMaxLength(64);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        // The unique index is the replay guard when two imports of the same bundle race.
        builder.HasIndex(x => new { x.OrganizationId, x.BundleId }).IsUnique();
        builder.HasOne<TrustedIssuer>().WithMany().HasForeignKey(x => x.TrustedIssuerId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}

internal sealed class ExportedBundleConfiguration : IEntityTypeConfiguration<ExportedBundle>
{
    public void Configure(EntityTypeBuilder<ExportedBundle> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.KeyId).HasMaxLength(64);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.HasIndex(x => new { x.OrganizationId, x.SubjectId });
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
