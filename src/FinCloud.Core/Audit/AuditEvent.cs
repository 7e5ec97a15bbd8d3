using System.Security.Cryptography;
using System.Text;
using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Audit;

/// <summary>
/// 감사 이벤트: one state change, written in the same transaction as the change. Append-only and
/// hash-chained per organisation: <see cref="Hash"/> covers every field and the predecessor's hash.
/// Summaries name records and states, never personal data.
/// </summary>
public sealed class AuditEvent : ITenantOwned
{
    /// <summary>The predecessor hash of an organisation's first event.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private AuditEvent()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>1, 2, 3… per organisation, without gaps.</summary>
    public long Sequence { get; internal set; }

    public AuditEventType Type { get; private init; }

    public ActorKind ActorKind { get; internal set; }

    /// <summary>User id or API key id; null for the system.</summary>
    public Guid? ActorId { get; internal set; }

    /// <summary>UTC instant, to the millisecond (both providers store that exactly); shown in KST.</summary>
    public DateTimeOffset OccurredAt { get; internal set; }

    public string? EntityType { get; private init; }

    public string? EntityId { get; private init; }

    public string? Before { get; private init; }

    public string? After { get; private init; }

    public string PreviousHash { get; internal set; } = "";

    public string Hash { get; internal set; } = "";

    /// <summary>An event about an entity; who and when are filled in by the context when it saves.</summary>
    public static AuditEvent For(AuditEventType type, string? entityType = null, object? entityId = null, string? before = null, string? after = null) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            Type = type,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Before = before,
            After = after,
        };

    public string ComputeHash()
    {
        // Length-prefixed fields: no two different events can serialise to the same text.
        var text = new StringBuilder();
        void Field(string? value) => text.Append(value?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-").Append(':').Append(value).Append('|');
        Field(OrganizationId.ToString("D"));
        Field(Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(((int)Type).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(((int)ActorKind).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(ActorId?.ToString("D"));
        Field(OccurredAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(EntityType);
        Field(EntityId);
        Field(Before);
        Field(After);
        Field(PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
