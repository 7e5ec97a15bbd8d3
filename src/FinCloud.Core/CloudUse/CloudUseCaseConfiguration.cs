using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class CloudUseCaseConfiguration : IEntityTypeConfiguration<CloudUseCase>
{
    public void Configure(EntityTypeBuilder<CloudUseCase> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(200);
        builder.Property(x => x.RegimeId).HasMaxLength(50);
        builder.HasIndex(x => new { x.OrganizationId, x.State });
        builder.HasIndex(x => new { x.OrganizationId, x.ReportDueBy });
        builder.HasOne<CloudService>().WithMany().HasForeignKey(x => x.ServiceId);
        builder.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.CaseId);
        builder.Navigation(x => x.Versions).HasField("_versions");
        builder.HasMany(x => x.Tasks).WithOne().HasForeignKey(x => x.CaseId);
        builder.Navigation(x => x.Tasks).HasField("_tasks");
        builder.Ignore(x => x.Current);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
