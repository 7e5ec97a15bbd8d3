using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Features.Supervision;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.Property(x => x.InstitutionName).HasMaxLength(200);
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.TaskKey).HasMaxLength(120);
        builder.Property(x => x.DueComputation).HasMaxLength(1000);
        builder.Property(x => x.PackageSha256).HasMaxLength(64);
        builder.Property(x => x.CspName).HasMaxLength(200);
        builder.Property(x => x.ServiceName).HasMaxLength(200);
        builder.Property(x => x.Regions).HasMaxLength(300);
        builder.Ignore(x => x.DaysLate);
        builder.Ignore(x => x.IsLate);
        builder.HasIndex(x => new { x.OrganizationId, x.Status });
        // One inbox entry per institution record: sharing twice or importing a copy never duplicates it.
        builder.HasIndex(x => new { x.OrganizationId, x.SourceRecordId, x.Kind }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}

internal sealed class SubmissionMessageConfiguration : IEntityTypeConfiguration<SubmissionMessage>
{
    public void Configure(EntityTypeBuilder<SubmissionMessage> builder)
    {
        builder.Property(x => x.Text).HasMaxLength(4000);
        builder.HasIndex(x => new { x.OrganizationId, x.SubmissionId });
        builder.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
