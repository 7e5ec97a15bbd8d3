using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.CloudUse;

internal sealed class BoardReportItemConfiguration : IEntityTypeConfiguration<BoardReportItem>
{
    public void Configure(EntityTypeBuilder<BoardReportItem> builder)
    {
        builder.Property(x => x.Citation).HasMaxLength(500);
        builder.HasIndex(x => new { x.OrganizationId, x.AgendaItemId }).IsUnique();
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
