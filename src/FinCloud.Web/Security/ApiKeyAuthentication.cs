using System.Security.Claims;
using System.Text.Encodings.Web;
using FinCloud.Core;
using FinCloud.Core.ApiAccess;
using FinCloud.Core.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinCloud.Web.Security;

/// <summary>
/// API keys as bearer tokens (<c>Authorization: Bearer fc_…</c>) or in <c>X-Api-Key</c>. The key is looked up by
/// its SHA-256; the principal acts for the key's organisation with the key's role.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, FinCloudDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = Request.Headers["X-Api-Key"].ToString();
        var authorization = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(secret) && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            secret = authorization["Bearer ".Length..].Trim();
        }

        if (string.IsNullOrEmpty(secret))
        {
            return AuthenticateResult.NoResult();
        }

        if (!secret.StartsWith(ApiKey.SecretPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.Fail("Not a FinCloud API key.");
        }

        var hash = ApiKey.Hash(secret);
        var key = await db.ApiKeys.AcrossTenants(AcrossTenantsReason.Authentication).AsNoTracking()
            .SingleOrDefaultAsync(k => k.SecretHash == hash, Context.RequestAborted);
        if (key is null || !key.IsActive)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()),
                new Claim(FinCloudClaims.OrganizationId, key.OrganizationId.ToString()),
                new Claim(FinCloudClaims.ActorKind, nameof(ActorKind.ApiKey)),
                new Claim(ClaimTypes.Role, key.Role.ToString()),
                // No scope list (keys from before scopes, or created "all"): every scope the role allows.
                .. (key.ScopeList ?? [ApiScopes.AllOfRole]).Select(s => new Claim(ApiScopes.ClaimType, s)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
