using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class WorkFormConfiguration : IEntityTypeConfiguration<WorkForm>
{
    public void Configure(EntityTypeBuilder<WorkForm> builder)
    {
        builder.HasIndex(x => new { x.OrganizationId, x.CaseId, x.Kind }).IsUnique();
        builder.HasOne<CloudUseCase>().WithMany().HasForeignKey(x => x.CaseId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
