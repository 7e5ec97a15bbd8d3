using FinCloud.Core;
using FinCloud.Core.Identity;
using FinCloud.Core.Organizations;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Organizations;

/// <param name="RequiresTwoFactor">2단계 인증 필수: every member signs in with an authenticator code.</param>
public sealed record OrganizationDto(Guid Id, string NameKo, string NameEn, OrganizationKind Kind, InstitutionSector? Sector, bool RequiresTwoFactor);

/// <param name="TwoFactorEnabled">The member signs in with an authenticator code.</param>
public sealed record MemberDto(Guid MembershipId, Guid UserId, string DisplayName, OrganizationRole Role, bool TwoFactorEnabled);

/// <param name="ClientSecretSet">A secret is saved (it is never returned).</param>
/// <param name="RedirectUri">The address to register at the provider.</param>
/// <param name="UpdatedAt">Null until the settings are first saved.</param>
/// <param name="PostLogoutRedirectUri">Where the provider sends the browser after a member's sign-out there (register it too).</param>
public sealed record SingleSignOnDto(bool Enabled, bool Required, string Authority, string ClientId, IReadOnlyList<string> EmailDomains, bool ClientSecretSet,
    Uri RedirectUri, DateTimeOffset? UpdatedAt, Uri PostLogoutRedirectUri)
{
    public static SingleSignOnDto Of(SingleSignOn? sso, HttpRequest request) =>
        new(sso?.Enabled ?? false, sso?.Required ?? false, sso?.Authority ?? "", sso?.ClientId ?? "", sso?.DomainList ?? [], sso?.ProtectedClientSecret.Length > 0,
            SingleSignOnFlow.CallbackUri(request), sso?.UpdatedAt, SingleSignOnFlow.SignedOutUri(request));
}

/// <param name="ClientSecret">Required the first time; null or omitted keeps the saved one.</param>
/// <param name="Enabled">On: members of these domains sign in through the provider (its discovery document is checked first).</param>
/// <param name="Required">SSO 필수: members other than administrators may not sign in with a password (only with <paramref name="Enabled"/>).</param>
public sealed record SingleSignOnRequest(string? Authority, string? ClientId, string? ClientSecret, IReadOnlyList<string>? EmailDomains, bool Enabled, bool Required = false);

public static class OrganizationApi
{
    public static RouteGroupBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("organization").WithTags("Organisation");
        group.MapGet("", GetCurrentAsync).ActsOnCallerOrganization("the caller's own organisation");
        group.MapGet("members", ListMembersAsync).ActsOnCallerOrganization("members of the caller's organisation");
        group.MapMemberEndpoints();
        var sso = group.MapGroup("sso").RequireAuthorization(Policies.Administrator);
        sso.MapGet("", GetSingleSignOnAsync).ActsOnCallerOrganization("the caller's organisation's SSO settings");
        // Saved off first, turned on once the redirect URI is registered at the provider (turning on checks its discovery).
        sso.MapPut("", PutSingleSignOnAsync).ActsOnCallerOrganization("the caller's organisation's SSO settings")
            .WithExampleRequest(new SingleSignOnRequest("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
                "fincloud", "(the secret the provider issued; omit to keep the saved one)", ["hanbit.example"], false));
        return group;
    }

    /// <summary>The settings; an organisation that has saved none has SSO off.</summary>
    public static async Task<Ok<SingleSignOnDto>> GetSingleSignOnAsync(FinCloudDbContext db, HttpRequest request, CancellationToken ct) =>
        TypedResults.Ok(SingleSignOnDto.Of(await SingleSignOnAdministration.LoadAsync(db, ct), request));

    /// <summary>The same checks and audit event as the 관리 page; field errors name the request's fields.</summary>
    public static async Task<Results<Ok<SingleSignOnDto>, ValidationProblem>> PutSingleSignOnAsync(SingleSignOnRequest body, FinCloudDbContext db,
        OpenIdProvider provider, Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection, HttpRequest request, CancellationToken ct)
    {
        var input = new SingleSignOnInput
        {
            Authority = body.Authority ?? "",
            ClientId = body.ClientId ?? "",
            ClientSecret = body.ClientSecret,
            Domains = string.Join(',', body.EmailDomains ?? []),
            Enabled = body.Enabled,
            Required = body.Required,
        };
        var problems = await SingleSignOnAdministration.SaveAsync(input, db, provider, protection, ct);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(
                p => p.Key == nameof(SingleSignOnInput.Domains) ? "emailDomains" : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Key),
                p => new[] { p.Value.English }));
        }

        return TypedResults.Ok(SingleSignOnDto.Of((await SingleSignOnAdministration.LoadAsync(db, ct))!, request));
    }

    public static async Task<Results<Ok<OrganizationDto>, NotFound>> GetCurrentAsync(FinCloudDbContext db, CancellationToken ct)
    {
        var id = db.Tenant.RequireOrganization();
        var o = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        return o is null ? TypedResults.NotFound() : TypedResults.Ok(new OrganizationDto(o.Id, o.NameKo, o.NameEn, o.Kind, o.Sector, o.RequiresTwoFactor));
    }

    public static async Task<Ok<List<MemberDto>>> ListMembersAsync(FinCloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await MembersQuery(db).ToListAsync(ct));

    /// <summary>One row per membership of the caller's organisation (of one person when given), with the person's name and second factor.</summary>
    public static IQueryable<MemberDto> MembersQuery(FinCloudDbContext db, Guid? userId = null) =>
        db.Memberships.AsNoTracking().Where(m => userId == null || m.UserId == userId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberDto(m.Id, u.Id, u.DisplayName, m.Role, u.TwoFactorEnabled));
}
