using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Web.Features.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FinCloud.Web.Components.Account;

public static class AccountEndpoints
{
    /// <summary>Form posts that are not pages. Form-bound minimal endpoints check the anti-forgery token.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/logout", async Task<IResult> (SignInManager<FinCloudUser> signIn, FinCloudDbContext db, OpenIdProvider provider, HttpContext http,
            [FromForm] string? returnUrl) =>
        {
            // Read before the sign-out forgets who it was: a member who came through 기관 SSO leaves the provider too.
            var atProvider = await SingleSignOnFlow.EndSessionUrlAsync(http.User, http.Request, db, provider, http.RequestAborted);
            if (db.Tenant.HasOrganization)
            {
                db.Audit(AuditEventType.SignedOut, nameof(FinCloudUser), db.Tenant.ActorId, after: atProvider is null ? null : "also at the SSO provider");
                await db.SaveChangesAsync();
            }

            await signIn.SignOutAsync();
            return atProvider is null ? TypedResults.LocalRedirect("~/account/login") : SingleSignOnFlow.SignOutAtProvider(atProvider);
        });
    }
}
