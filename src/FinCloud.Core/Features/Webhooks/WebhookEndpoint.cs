using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Features.Webhooks;

/// <summary>
/// 웹훅: an address outside FinCloud (a ticketing system, a SIEM) that receives the organisation's audit events as they
/// happen, signed as Standard Webhooks prescribes. The audit trail is the outbox: every state change already writes an
/// event in its own transaction, so the dispatcher only follows <see cref="QueuedThrough"/> along the chain.
/// </summary>
public sealed class WebhookEndpoint : ITenantOwned
{
    public const int MaxUrlLength = 500;

    private WebhookEndpoint()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string Url { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>The areas (<see cref="WebhookEvents.Areas"/>) whose events are sent, space-separated; null: every area.</summary>
    public string? Areas { get; private set; }

    /// <summary>The signing secret (<c>whsec_…</c>), protected by the installation's Data Protection keys.</summary>
    public string ProtectedSecret { get; private set; } = "";

    /// <summary>The secret before the last rotation, still signing beside the new one until <see cref="PreviousSecretUntil"/>.</summary>
    public string? PreviousProtectedSecret { get; private set; }

    public DateTimeOffset? PreviousSecretUntil { get; private set; }

    /// <summary>How long a replaced secret keeps signing beside the new one, so receivers can switch without losing a message.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    public bool IsActive { get; private set; } = true;

    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>The audit sequence up to which events have been considered (queued when they match).</summary>
    public long QueuedThrough { get; private set; }

    public IReadOnlyList<string>? AreaList => Areas?.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static WebhookEndpoint Create(string url, string description, IEnumerable<string>? areas, string protectedSecret, long auditHead, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Url = url,
            Description = description,
            Areas = Normalize(areas),
            ProtectedSecret = protectedSecret,
            CreatedAt = now,
            QueuedThrough = auditHead,
        };

    /// <summary>Changes what and where is sent. Re-enabling starts from <paramref name="auditHead"/>: events of the paused time are not sent.</summary>
    public void Update(string url, string description, IEnumerable<string>? areas, bool isActive, long auditHead)
    {
        if (isActive && !IsActive)
        {
            QueuedThrough = auditHead;
        }

        Url = url;
        Description = description;
        Areas = Normalize(areas);
        IsActive = isActive;
    }

    /// <summary>A new secret signs from now on; the old one signs beside it for <see cref="RotationOverlap"/> (or stops at once).</summary>
    public void ReplaceSecret(string protectedSecret, DateTimeOffset now, bool keepOldForOverlap)
    {
        PreviousProtectedSecret = keepOldForOverlap ? ProtectedSecret : null;
        PreviousSecretUntil = keepOldForOverlap ? now + RotationOverlap : null;
        ProtectedSecret = protectedSecret;
    }

    /// <summary>The protected secrets that sign a message sent at <paramref name="now"/>: the current one, and the previous within its overlap.</summary>
    public IEnumerable<string> SigningSecrets(DateTimeOffset now)
    {
        yield return ProtectedSecret;
        if (PreviousProtectedSecret is { } previous && now < PreviousSecretUntil)
        {
            yield return previous;
        }
    }

    public void MarkQueuedThrough(long sequence) => QueuedThrough = Math.Max(QueuedThrough, sequence);

    public bool Wants(Audit.AuditEventType type) => Areas is null || AreaList!.Contains(WebhookEvents.AreaOf(type), StringComparer.Ordinal);

    /// <summary>A one-line description for the audit trail (no secret).</summary>
    public string Describe() => $"url={Url}; areas={Areas ?? "all"}; active={IsActive}";

    private static string? Normalize(IEnumerable<string>? areas) =>
        areas is null ? null : string.Join(' ', areas.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
