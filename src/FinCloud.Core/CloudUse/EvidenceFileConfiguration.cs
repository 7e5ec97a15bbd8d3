using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.Property(x => x.Label).HasMaxLength(200);
        builder.Property(x => x.FileName).HasMaxLength(255);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.Property(x => x.StorageKey).HasMaxLength(300);
        builder.Property(x => x.Review).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.ReviewNote).HasMaxLength(EvidenceFile.MaxReviewNoteLength);
        builder.HasIndex(x => new { x.OrganizationId, x.CaseId, x.Label, x.Version }).IsUnique();
        builder.HasOne<CloudUseCase>().WithMany().HasForeignKey(x => x.CaseId);
        builder.HasOne<CloudUseTaskItem>().WithMany().HasForeignKey(x => x.TaskId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
