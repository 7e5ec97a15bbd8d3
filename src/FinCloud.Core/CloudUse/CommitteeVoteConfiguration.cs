using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class CommitteeVoteConfiguration : IEntityTypeConfiguration<CommitteeVote>
{
    public void Configure(EntityTypeBuilder<CommitteeVote> builder)
    {
        builder.HasIndex(x => new { x.OrganizationId, x.AgendaItemId, x.MemberId }).IsUnique();
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId);
        builder.HasOne<CommitteeMember>().WithMany().HasForeignKey(x => x.MemberId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
