using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Features.Supervision;

/// <summary>
/// 보완요청 as the institution receives it: the supervisor's message about one of the institution's report packages,
/// owned by the institution (imported from a signed bundle, or handed over in the same installation).
/// </summary>
public sealed class SupplementationRequest : ITenantOwned
{
    private SupplementationRequest()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>The institution's report package the request is about.</summary>
    public Guid PackageId { get; private init; }

    public string SupervisorName { get; private init; } = "";

    public string Message { get; private init; } = "";

    public DateOnly? RespondBy { get; private init; }

    /// <summary>The supervisor's message id, so the same message is never recorded twice.</summary>
    public Guid SupervisorMessageId { get; private init; }

    public DateTimeOffset ReceivedAt { get; private init; }

    public static SupplementationRequest Receive(Guid packageId, string supervisorName, string message, DateOnly? respondBy, Guid supervisorMessageId, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            PackageId = packageId,
            SupervisorName = supervisorName,
            Message = message,
            RespondBy = respondBy,
            SupervisorMessageId = supervisorMessageId,
            ReceivedAt = now,
        };
}

internal sealed class SupplementationRequestConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<SupplementationRequest>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<SupplementationRequest> builder)
    {
        builder.Property(x => x.SupervisorName).HasMaxLength(200);
        builder.Property(x => x.Message).HasMaxLength(4000);
        builder.HasIndex(x => new { x.OrganizationId, x.PackageId });
        builder.HasIndex(x => new { x.OrganizationId, x.SupervisorMessageId }).IsUnique();
        builder.HasOne<FinCloud.Core.CloudUse.ReportPackage>().WithMany().HasForeignKey(x => x.PackageId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
