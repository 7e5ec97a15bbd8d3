using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Identity;

/// <summary>
/// A member as the organisation's identity provider manages them over SCIM 2.0 (자동 프로비저닝): the provider's
/// user name and external id for the account, and whether the provider has the person active. Deactivated, the
/// person keeps the record (so the provider can turn them on again) but holds no role in the organisation.
/// </summary>
public sealed class ProvisionedAccount : ITenantOwned
{
    public const int MaxUserNameLength = 256;
    public const int MaxExternalIdLength = 256;

    private ProvisionedAccount()
    {
    }

    /// <summary>The SCIM resource id.</summary>
    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; private init; }

    /// <summary>The provider's <c>userName</c> (usually the sign-in address), as sent.</summary>
    public string UserName { get; private set; } = "";

    /// <summary>Upper case, for the unique index and for <c>userName eq</c> filters (SCIM compares it case-insensitively).</summary>
    public string NormalizedUserName { get; private set; } = "";

    /// <summary>The provider's own id of the person (<c>externalId</c>), when it sends one.</summary>
    public string? ExternalId { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ProvisionedAccount Create(Guid userId, string userName, string? externalId, bool active, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            UserName = userName,
            NormalizedUserName = Normalize(userName),
            ExternalId = externalId,
            Active = active,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    /// <summary>Applies the provider's values; true when any changed.</summary>
    public bool Update(string userName, string? externalId, bool active, DateTimeOffset now)
    {
        if (userName == UserName && externalId == ExternalId && active == Active)
        {
            return false;
        }

        UserName = userName;
        NormalizedUserName = Normalize(userName);
        ExternalId = externalId;
        Active = active;
        UpdatedAt = now;
        return true;
    }

    /// <summary>What an audit event records: the provider's names for the person are personal data, so only the state.</summary>
    public string Describe() => Active ? "active" : "inactive";
}
