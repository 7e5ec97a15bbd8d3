using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace FinCloud.Web.Security;

/// <summary>
/// An organisation's 2단계 인증 필수 policy: a signed-in member without an authenticator is sent to set one up, and
/// every other page waits until then. The cookie's claims carry both facts; they are rebuilt at sign-in, when the
/// member turns the factor on, and at the security-stamp check (<see cref="RefreshInterval"/>), so a policy turned on
/// reaches members already signed in within that interval.
/// </summary>
public static class TwoFactorPolicy
{
    public const string SetUpPath = "/account/two-factor";

    /// <summary>How often a sign-in cookie is checked against the account and its claims rebuilt.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddTwoFactorPolicy(this IServiceCollection services) =>
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = RefreshInterval;
            // The rebuilt claims would forget how the member signed in (기관 SSO, a second factor): keep that, as the
            // sign-out needs it to end the session at the organisation's provider too.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is ClaimsIdentity rebuilt && context.CurrentPrincipal is { } current)
                {
                    rebuilt.AddClaims(current.FindAll(c => c.Type is ClaimTypes.AuthenticationMethod or "amr")
                        .Where(c => !rebuilt.HasClaim(c.Type, c.Value)).Select(c => new Claim(c.Type, c.Value)));
                }

                return Task.CompletedTask;
            };
        });

    public static IApplicationBuilder UseTwoFactorPolicy(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!context.User.MustSetUpTwoFactor() || IsOpen(context.Request.Path))
            {
                return next(context);
            }

            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{SetUpPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        });

    /// <summary>The account pages (set-up, sign-out), the framework's scripts, static files and error pages stay open.</summary>
    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/_content") ||
        path.StartsWithSegments("/api") || path.StartsWithSegments("/culture") || path.StartsWithSegments("/health") ||
        path.StartsWithSegments("/not-found") || path.StartsWithSegments("/error") || Path.HasExtension(path.Value);
}
