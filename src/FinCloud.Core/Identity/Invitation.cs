using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Identity;

public enum InvitationStatus
{
    /// <summary>The link works: the person has not set a password yet.</summary>
    Pending,
    Accepted,
    Expired,
    Revoked,
}

/// <summary>
/// 구성원 초대: how a person joins an organisation. An administrator (or the operator's CLI, for an organisation's first
/// administrator) names the e-mail address and roles; the person opens the link, sets a password and has an account
/// with those roles. Only the token's SHA-256 is stored; the link works for <see cref="ValidFor"/> and once.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    public const int MaxNameLength = 100;

    private Invitation()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>The address the link was sent to, lower case; the account's sign-in name.</summary>
    public string Email { get; private init; } = "";

    /// <summary>성명 as the administrator wrote it; the person may correct it when accepting.</summary>
    public string DisplayName { get; private init; } = "";

    /// <summary>Comma-separated role names (stored form of <see cref="Roles"/>).</summary>
    public string RoleNames { get; private init; } = "";

    public IReadOnlyList<OrganizationRole> Roles =>
        [.. RoleNames.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<OrganizationRole>)];

    public string TokenHash { get; private init; } = "";

    /// <summary>The administrator who invited; null when the operator's CLI did (an organisation's first administrator).</summary>
    public Guid? InvitedBy { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset ExpiresAt { get; private init; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AcceptedUserId { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static (Invitation Invitation, string Token) Create(string email, string displayName, IEnumerable<OrganizationRole> roles, Guid? invitedBy, DateTimeOffset now)
    {
        var token = SecretTokens.NewHex(32);
        return (new Invitation
        {
            Id = Guid.CreateVersion7(now),
            Email = email.Trim().ToLowerInvariant(),
            DisplayName = displayName.Trim(),
            RoleNames = string.Join(',', roles.Distinct().Order()),
            TokenHash = SecretTokens.Hash(token),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + ValidFor,
        }, token);
    }

    public static string Hash(string token) => SecretTokens.Hash(token);

    /// <summary>The page the person opens: <c>{baseUrl}/account/invitation/{token}</c>.</summary>
    public static string Link(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/account/invitation/{token}";

    public InvitationStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationStatus.Revoked
        : AcceptedAt is not null ? InvitationStatus.Accepted
        : now >= ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Pending;

    /// <summary>Marks the invitation used by the account made from it; false when the link no longer works.</summary>
    public bool Accept(Guid userId, DateTimeOffset now)
    {
        if (StatusAt(now) != InvitationStatus.Pending)
        {
            return false;
        }

        AcceptedAt = now;
        AcceptedUserId = userId;
        return true;
    }

    /// <summary>Withdraws a pending invitation; false when it was no longer pending.</summary>
    public bool Revoke(DateTimeOffset now)
    {
        if (StatusAt(now) != InvitationStatus.Pending)
        {
            return false;
        }

        RevokedAt = now;
        return true;
    }
}
