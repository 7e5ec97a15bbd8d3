using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.ResolutionText).HasMaxLength(4000);
        builder.HasIndex(x => new { x.OrganizationId, x.SubjectKind, x.SubjectId });
        builder.HasIndex(x => new { x.OrganizationId, x.MeetingId });
        builder.HasOne<CommitteeMeeting>().WithMany().HasForeignKey(x => x.MeetingId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
