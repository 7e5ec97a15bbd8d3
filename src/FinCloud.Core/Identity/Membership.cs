using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Identity;

/// <summary>소속: one role a user holds in one organisation. A user may hold several roles there.</summary>
public sealed class Membership : ITenantOwned
{
    private Membership()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; private init; }

    public OrganizationRole Role { get; private init; }

    public DateTimeOffset GrantedAt { get; private init; }

    public static Membership Grant(Guid userId, OrganizationRole role, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), UserId = userId, Role = role, GrantedAt = now };
}

/// <summary>Roles inside one organisation; the claim value is the enum name.</summary>
public enum OrganizationRole
{
    /// <summary>담당자: prepares cases, evidence and reports.</summary>
    Officer = 1,

    /// <summary>CISO (정보보호최고책임자), 정보보호위원회 위원장.</summary>
    Ciso = 2,

    /// <summary>정보보호위원회 위원.</summary>
    CommitteeMember = 3,

    /// <summary>감사: reads everything of the organisation, changes nothing.</summary>
    Auditor = 4,

    /// <summary>관리자: members, API keys, audit verification.</summary>
    Administrator = 5,
}
