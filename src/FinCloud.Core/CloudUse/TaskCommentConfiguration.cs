using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> builder)
    {
        builder.Property(x => x.Text).HasMaxLength(4000);
        builder.HasIndex(x => new { x.OrganizationId, x.TaskId });
        builder.HasOne<CloudUseTaskItem>().WithMany().HasForeignKey(x => x.TaskId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
