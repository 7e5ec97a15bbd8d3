using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class CspInquiryConfiguration : IEntityTypeConfiguration<CspInquiry>
{
    public void Configure(EntityTypeBuilder<CspInquiry> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CloudUseCase>().WithMany().HasForeignKey(i => i.CaseId);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.OrganizationId, i.CaseId });
        builder.Property(i => i.Recipient).HasMaxLength(200);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.AnsweredBy).HasMaxLength(200);
        builder.HasMany(i => i.Answers).WithOne().HasForeignKey(a => a.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Answers).HasField("_answers");
    }
}

internal sealed class CspInquiryAnswerConfiguration : IEntityTypeConfiguration<CspInquiryAnswer>
{
    public void Configure(EntityTypeBuilder<CspInquiryAnswer> builder)
    {
        // The domain makes the id: a new answer reached through its inquiry is then taken as added, not as an update.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ItemId).HasMaxLength(40);
        builder.Property(a => a.Comment).HasMaxLength(CspInquiry.MaxCommentLength);
        builder.HasIndex(a => new { a.OrganizationId, a.InquiryId });
    }
}
