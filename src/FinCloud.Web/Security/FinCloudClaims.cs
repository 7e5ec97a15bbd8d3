using System.Security.Claims;
using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;

namespace FinCloud.Web.Security;

/// <summary>Claims that carry the tenant: the organisation acted for, and who acts.</summary>
public static class FinCloudClaims
{
    public const string OrganizationId = "fincloud:org";
    public const string ActorKind = "fincloud:actor";
    public const string OrganizationNameKo = "fincloud:org-name-ko";
    public const string OrganizationNameEn = "fincloud:org-name-en";
    public const string OrganizationKind = "fincloud:org-kind";

    /// <summary>"on" when the user signs in with an authenticator code (as of the cookie's last refresh).</summary>
    public const string TwoFactor = "fincloud:2fa";

    /// <summary>"required" when the organisation requires 2단계 인증 of every member.</summary>
    public const string TwoFactorPolicy = "fincloud:2fa-policy";

    /// <summary>The organisation's name for the header, in the UI language (no database call while rendering).</summary>
    public static string? OrganizationName(this ClaimsPrincipal user, bool korean) =>
        user.FindFirstValue(korean ? OrganizationNameKo : OrganizationNameEn);

    /// <summary>금융회사, 금융보안원 or 금융감독원: what the menu and the home page offer (a cookie from before the claim: 금융회사).</summary>
    public static Core.Organizations.OrganizationKind Kind(this ClaimsPrincipal user) =>
        Enum.TryParse<Core.Organizations.OrganizationKind>(user.FindFirstValue(OrganizationKind), out var kind) ? kind : Core.Organizations.OrganizationKind.FinancialInstitution;

    public static Guid? Organization(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganizationId), out var id) ? id : null;

    public static Guid? ActorId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The organisation requires a second factor that this user has not set up: only the set-up page is open.</summary>
    public static bool MustSetUpTwoFactor(this ClaimsPrincipal user) =>
        user.HasClaim(TwoFactorPolicy, "required") && !user.HasClaim(TwoFactor, "on");

    public static bool HasRole(this ClaimsPrincipal user, OrganizationRole role) => user.IsInRole(role.ToString());

    /// <summary>Enters the organisation of a signed-in user or API key; anonymous principals enter nothing.</summary>
    public static void EnterFrom(this TenantContext tenant, ClaimsPrincipal user)
    {
        if (user.Organization() is { } organizationId && !tenant.HasOrganization)
        {
            var kind = Enum.TryParse<ActorKind>(user.FindFirstValue(ActorKind), out var k) ? k : Core.Tenancy.ActorKind.User;
            tenant.Enter(organizationId, user.ActorId(), kind);
        }
    }
}

/// <summary>Authorization policies by organisation role.</summary>
public static class Policies
{
    /// <summary>Any member of the organisation; auditors included (read-only).</summary>
    public const string Member = nameof(Member);

    /// <summary>Changes data: every role but the auditor.</summary>
    public const string Editor = nameof(Editor);

    public const string Administrator = nameof(Administrator);

    /// <summary>Any member of a 금융회사: the institution's own workspaces (cloud use, 망분리 예외, continuity, scans).</summary>
    public const string Institution = nameof(Institution);

    /// <summary>Any member of 금융감독원: the supervisor's views across institutions.</summary>
    public const string Supervisor = nameof(Supervisor);

    /// <summary>The API: API keys sent as bearer tokens.</summary>
    public const string Api = nameof(Api);
}
