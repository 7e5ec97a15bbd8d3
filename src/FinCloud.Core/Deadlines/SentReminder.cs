using FinCloud.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Deadlines;

/// <summary>
/// 기한 알림 발송 기록: one reminder e-mail sent for one deadline, threshold and recipient. The unique index makes
/// a reminder go out once even when two app instances run the job or a run is repeated.
/// </summary>
public sealed class SentReminder : ITenantOwned
{
    private SentReminder()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string DeadlineKey { get; private init; } = "";

    public DateOnly DueOn { get; private init; }

    /// <summary>30, 7 or 1.</summary>
    public int DaysBefore { get; private init; }

    public Guid RecipientId { get; private init; }

    public DateTimeOffset SentAt { get; private init; }

    public static SentReminder Record(Deadline deadline, int daysBefore, Guid recipientId, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            DeadlineKey = deadline.Key,
            DueOn = deadline.DueOn,
            DaysBefore = daysBefore,
            RecipientId = recipientId,
            SentAt = now,
        };
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.Property(r => r.DeadlineKey).HasMaxLength(200);
        builder.HasIndex(r => new { r.OrganizationId, r.DeadlineKey, r.DueOn, r.DaysBefore, r.RecipientId }).IsUnique();
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(r => r.OrganizationId);
    }
}
