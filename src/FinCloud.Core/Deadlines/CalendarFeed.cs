using FinCloud.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Deadlines;

/// <summary>
/// 일정 구독 주소: a user's secret .ics address for their deadlines. Calendar apps cannot sign in, so the
/// address is the credential: only its SHA-256 is stored, it is shown once, and it can be revoked.
/// </summary>
public sealed class CalendarFeed : ITenantOwned
{
    private CalendarFeed()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; private init; }

    public string TokenHash { get; private init; } = "";

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static (CalendarFeed Feed, string Token) Create(Guid userId, DateTimeOffset now)
    {
        var token = SecretTokens.NewHex(32);
        return (new CalendarFeed { Id = Guid.CreateVersion7(now), UserId = userId, TokenHash = Hash(token), CreatedAt = now }, token);
    }

    public static string Hash(string token) => SecretTokens.Hash(token);

    public bool Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = now;
        return true;
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => new { f.OrganizationId, f.UserId });
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(f => f.OrganizationId);
    }
}
