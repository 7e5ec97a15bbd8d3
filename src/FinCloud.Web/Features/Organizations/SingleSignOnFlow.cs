using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Persistence;
using FinCloud.Core.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Organizations;

/// <summary>
/// 기관 SSO sign-in, the authorization-code flow with PKCE: the sign-in page's SSO form finds the organisation by the
/// address's domain and sends the browser to its provider (<see cref="BeginAsync"/>); <c>/account/sso/callback</c> redeems the code, validates the
/// ID token and signs the member in. The provider's word is taken only for its own organisation's domains and members;
/// the member's own 2단계 인증, the lockout and the organisation's policies apply as to a password sign-in.
/// </summary>
public static partial class SingleSignOnFlow
{
    public const string CallbackPath = "/account/sso/callback";

    /// <summary>The audit summary of an SSO sign-in that still waits for the member's second factor.</summary>
    public const string ProviderOnlySoFar = "provider ok; second factor required";

    private const string StateCookie = "FinCloud.Sso";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    /// <summary>What the browser carries between the two legs, sealed by data protection.</summary>
    private sealed record PendingSignIn(Guid OrganizationId, string State, string Nonce, string Verifier, string? ReturnUrl, DateTimeOffset Expires);

    public static void MapSingleSignOn(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/account").ExcludeFromDescription();
        account.MapGet("/sso/callback", CallbackAsync);
    }

    /// <summary>The configured organisation for an e-mail address's domain, whichever tenant it is.</summary>
    public static async Task<SingleSignOn?> ForEmailAsync(FinCloudDbContext db, string email, CancellationToken ct)
    {
        if (SingleSignOn.DomainOf(email) is not { } domain)
        {
            return null;
        }

        var enabled = await db.SingleSignOns.AcrossTenants(AcrossTenantsReason.Authentication).AsNoTracking().Where(s => s.Enabled).ToListAsync(ct);
        return enabled.FirstOrDefault(s => s.DomainList.Contains(domain));
    }

    /// <summary>
    /// Starts a sign-in for <paramref name="email"/> (the sign-in page's SSO form): seals the state in a cookie and
    /// returns the provider's authorization address, or the code of the problem (<c>unknown-domain</c>, provider unavailable).
    /// The address is not sent to the provider (no <c>login_hint</c>): no personal data in a URL that proxies and logs keep.
    /// </summary>
    public static async Task<(string? AuthorizationUrl, string? Problem)> BeginAsync(string email, string? returnUrl, HttpContext http,
        FinCloudDbContext db, OpenIdProvider provider, IDataProtectionProvider protection, CancellationToken ct)
    {
        if (await ForEmailAsync(db, email.Trim(), ct) is not { } sso)
        {
            return (null, "unknown-domain");
        }

        if (await provider.DiscoverAsync(sso.Authority, ct) is not { } configuration)
        {
            return (null, nameof(SingleSignOnProblem.ProviderUnavailable));
        }

        var pending = new PendingSignIn(sso.OrganizationId, Random(), Random(), Random(), LocalOrNull(returnUrl), db.Clock.GetUtcNow() + StateLifetime);
        http.Response.Cookies.Append(StateCookie, Protector(protection).Protect(JsonSerializer.Serialize(pending)), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            Path = CallbackPath,
            // Lax: the provider's redirect back is a top-level GET from another site.
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = StateLifetime,
        });
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(pending.Verifier)));
        return (QueryHelpers.AddQueryString(configuration.AuthorizationEndpoint, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = sso.ClientId,
            ["redirect_uri"] = CallbackUri(http.Request).ToString(),
            ["scope"] = "openid email profile",
            ["state"] = pending.State,
            ["nonce"] = pending.Nonce,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }), null);
    }

    private static async Task<IResult> CallbackAsync(string? code, string? state, string? error, HttpContext http, FinCloudDbContext db,
        OpenIdProvider provider, IDataProtectionProvider protection, SignInManager<FinCloudUser> signIn, TimeProvider clock,
        ILoggerFactory logs, CancellationToken ct)
    {
        var pending = ReadPending(http, protection);
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = CallbackPath });
        if (pending is null || pending.Expires < clock.GetUtcNow() || state is null ||
            !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(state), Encoding.ASCII.GetBytes(pending.State)) ||
            (db.Tenant.OrganizationId is { } signedIn && signedIn != pending.OrganizationId))
        {
            return BackToSignIn(nameof(SingleSignOnProblem.StateMismatch), null);
        }

        db.Tenant.Enter(pending.OrganizationId, null, ActorKind.System);
        var sso = await db.SingleSignOns.SingleOrDefaultAsync(s => s.Enabled, ct);
        var (problem, user, subject) = sso is null ? (SingleSignOnProblem.ProviderUnavailable, null, null)
            : error is not null || string.IsNullOrEmpty(code) ? (SingleSignOnProblem.ProviderError, null, null)
            : await IdentifyAsync(sso, code, pending, http, db, provider, signIn.UserManager, protection, ct);
        var log = logs.CreateLogger(typeof(SingleSignOnFlow));
        if (problem != SingleSignOnProblem.None)
        {
            // The organisation's trail holds the refusal; the log holds no address.
            Refused(log, pending.OrganizationId, problem);
            db.Audit(AuditEventType.SingleSignOnRefused, nameof(SingleSignOn), sso?.Id, after: problem.ToString());
            await db.SaveChangesAsync(ct);
            return BackToSignIn(problem.ToString(), pending.ReturnUrl);
        }

        var result = await signIn.ExternalLoginSignInAsync(sso!.LoginProvider, subject!, isPersistent: false, bypassTwoFactor: false);
        SignInOutcome(log, user!.Id, result);
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            db.Audit(AuditEventType.SingleSignOnRefused, nameof(FinCloudUser), user.Id, after: nameof(SingleSignOnProblem.AccountNotAllowed));
            await db.SaveChangesAsync(ct);
            return result.IsLockedOut ? TypedResults.LocalRedirect("~/account/lockout") : BackToSignIn(nameof(SingleSignOnProblem.AccountNotAllowed), pending.ReturnUrl);
        }

        db.Tenant.Enter(pending.OrganizationId, user.Id, ActorKind.User);
        db.Audit(AuditEventType.SignedInWithSingleSignOn, nameof(FinCloudUser), user.Id,
            after: result.RequiresTwoFactor ? ProviderOnlySoFar : null);
        await db.SaveChangesAsync(ct);
        var next = result.RequiresTwoFactor
            ? QueryHelpers.AddQueryString("/account/login-2fa", new Dictionary<string, string?> { ["returnUrl"] = pending.ReturnUrl, ["rememberMe"] = "false" })
            : pending.ReturnUrl ?? "/";
        return Continue(next);
    }

    /// <summary>Redeems the code, validates the token and finds the member; links the provider's subject on first use.</summary>
    private static async Task<(SingleSignOnProblem Problem, FinCloudUser? User, string? Subject)> IdentifyAsync(SingleSignOn sso, string code, PendingSignIn pending, HttpContext http,
        FinCloudDbContext db, OpenIdProvider provider, UserManager<FinCloudUser> users, IDataProtectionProvider protection, CancellationToken ct)
    {
        if (await provider.DiscoverAsync(sso.Authority, ct) is not { } configuration)
        {
            return (SingleSignOnProblem.ProviderUnavailable, null, null);
        }

        var secret = SingleSignOnAdministration.SecretProtector(protection).Unprotect(sso.ProtectedClientSecret);
        if (await provider.RedeemAsync(configuration, sso.ClientId, secret, code, CallbackUri(http.Request), pending.Verifier, ct) is not { } idToken)
        {
            return (SingleSignOnProblem.CodeRejected, null, null);
        }

        if (await provider.ValidateAsync(sso.Authority, configuration, idToken, sso.ClientId, pending.Nonce, ct) is not { } identity)
        {
            return (SingleSignOnProblem.TokenInvalid, null, null);
        }

        if (SingleSignOn.DomainOf(identity.Email) is not { } domain || !sso.DomainList.Contains(domain))
        {
            return (SingleSignOnProblem.EmailNotAccepted, null, null);
        }

        // Linked before, or found by address: either way a member of this organisation (memberships are tenant-filtered).
        var user = await users.FindByLoginAsync(sso.LoginProvider, identity.Subject) ?? await users.FindByEmailAsync(identity.Email);
        if (user is null || !await db.Memberships.AnyAsync(m => m.UserId == user.Id, ct))
        {
            return (SingleSignOnProblem.NotAMember, null, null);
        }

        var logins = await users.GetLoginsAsync(user);
        if (logins.FirstOrDefault(l => l.LoginProvider == sso.LoginProvider) is { } linked)
        {
            // One subject per member: a different subject for a linked member is another person at the provider.
            return linked.ProviderKey == identity.Subject ? (SingleSignOnProblem.None, user, identity.Subject) : (SingleSignOnProblem.NotAMember, null, null);
        }

        // The link and its audit event commit together.
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        if (!(await users.AddLoginAsync(user, new UserLoginInfo(sso.LoginProvider, identity.Subject, "SSO"))).Succeeded)
        {
            return (SingleSignOnProblem.NotAMember, null, null);
        }

        db.Audit(AuditEventType.SingleSignOnLinked, nameof(FinCloudUser), user.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (SingleSignOnProblem.None, user, identity.Subject);
    }

    private static PendingSignIn? ReadPending(HttpContext http, IDataProtectionProvider protection)
    {
        if (!http.Request.Cookies.TryGetValue(StateCookie, out var sealedValue))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PendingSignIn>(Protector(protection).Unprotect(sealedValue));
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SSO sign-in for organisation {OrganizationId} refused: {Problem}")]
    private static partial void Refused(ILogger logger, Guid organizationId, SingleSignOnProblem problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "SSO sign-in of user {UserId}: {Outcome}")]
    private static partial void SignInOutcome(ILogger logger, Guid userId, Microsoft.AspNetCore.Identity.SignInResult outcome);

    private static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector("FinCloud.SingleSignOn.State");

    public static Uri CallbackUri(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}{CallbackPath}");

    private static string Random() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string? LocalOrNull(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : null;

    private static RedirectHttpResult BackToSignIn(string problem, string? returnUrl) =>
        TypedResults.Redirect(QueryHelpers.AddQueryString("/account/login", new Dictionary<string, string?>
        {
            ["sso"] = problem,
            ["returnUrl"] = LocalOrNull(returnUrl),
        }.Where(p => p.Value is not null)));

    /// <summary>
    /// A page that moves on by itself: the sign-in cookie is SameSite=Strict, and a redirect chain that began at the
    /// provider's site would not send it on the next request, so the browser leaves from one of our own pages.
    /// </summary>
    private static ContentHttpResult Continue(string localUrl) => MovingOn(localUrl, "sso-continue", "계속 / Continue");

    /// <summary>
    /// After the sign-out here, the page that takes the browser to the provider's end-session endpoint: a form post
    /// may not end at another site (the policy's <c>form-action 'self'</c>), so it leaves from a page of its own.
    /// </summary>
    public static ContentHttpResult SignOutAtProvider(string endSessionUrl) =>
        MovingOn(endSessionUrl, "sso-sign-out", "기관 SSO에서도 로그아웃합니다 / Signing out at your organisation's SSO too");

    private static ContentHttpResult MovingOn(string address, string testId, string text)
    {
        var url = System.Net.WebUtility.HtmlEncode(address);
        return TypedResults.Content(
            $"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={url}"><title>FinCloud</title></head><body><p><a href="{url}" data-testid="{testId}">{text}</a></p></body></html>""",
            "text/html; charset=utf-8");
    }

    /// <summary>Where the provider sends the browser after its own sign-out (register it there as the post-logout redirect URI).</summary>
    public static Uri SignedOutUri(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/account/login");

    /// <summary>
    /// The provider's end-session address (OpenID Connect RP-Initiated Logout 1.0) for a member who signed in through
    /// the organisation's provider, so that signing out here also ends the session there (a shared PC at a branch);
    /// null for password sign-ins, SSO turned off, or a provider that publishes no end-session endpoint.
    /// </summary>
    public static async Task<string?> EndSessionUrlAsync(System.Security.Claims.ClaimsPrincipal user, HttpRequest request, FinCloudDbContext db,
        OpenIdProvider provider, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.FindFirst(System.Security.Claims.ClaimTypes.AuthenticationMethod)?.Value is not { } method || !db.Tenant.HasOrganization)
        {
            return null;
        }

        var sso = await db.SingleSignOns.AsNoTracking().SingleOrDefaultAsync(s => s.Enabled, ct);
        if (sso is null || sso.LoginProvider != method || await provider.DiscoverAsync(sso.Authority, ct) is not { EndSessionEndpoint: { Length: > 0 } endSession })
        {
            return null;
        }

        return QueryHelpers.AddQueryString(endSession, new Dictionary<string, string?>
        {
            ["client_id"] = sso.ClientId,
            ["post_logout_redirect_uri"] = SignedOutUri(request).ToString(),
        });
    }
}
