using FinCloud.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.ApiAccess;

/// <summary>
/// 멱등 키: the response to a POST sent with an <c>Idempotency-Key</c> header, stored in the same transaction as the
/// write it answers, so a retry (on any app instance) gets the same answer instead of a second write.
/// </summary>
public sealed class IdempotencyRecord : ITenantOwned
{
    public const int MaxKeyLength = 200;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private IdempotencyRecord()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string Key { get; private init; } = "";

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public string RequestHash { get; private init; } = "";

    public int StatusCode { get; private init; }

    public string? ContentType { get; private init; }

    public string? Location { get; private init; }

    public byte[] ResponseBody { get; private init; } = [];

    public DateTimeOffset CreatedAt { get; private init; }

    public bool IsExpiredAt(DateTimeOffset now) => now - CreatedAt >= Lifetime;

    public static IdempotencyRecord Of(string key, string requestHash, int statusCode, string? contentType, string? location, byte[] body, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Key = key,
        RequestHash = requestHash,
        StatusCode = statusCode,
        ContentType = contentType,
        Location = location,
        ResponseBody = body,
        CreatedAt = now,
    };
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.Property(x => x.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        builder.Property(x => x.RequestHash).HasMaxLength(64);
        builder.Property(x => x.ContentType).HasMaxLength(200);
        builder.Property(x => x.Location).HasMaxLength(500);
        // One answer per key and organisation: a concurrent second request with the key fails here and writes nothing.
        builder.HasIndex(x => new { x.OrganizationId, x.Key }).IsUnique();
        builder.HasOne<Organizations.Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}
