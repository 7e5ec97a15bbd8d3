using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FinCloud.Web.Components.Account;

public static class AccountEndpoints
{
    /// <summary>Form posts that are not pages. Form-bound minimal endpoints check the anti-forgery token.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/logout", async (SignInManager<FinCloudUser> signIn, FinCloudDbContext db, [FromForm] string? returnUrl) =>
        {
            if (db.Tenant.HasOrganization)
            {
                db.Audit(AuditEventType.SignedOut, nameof(FinCloudUser), db.Tenant.ActorId);
                await db.SaveChangesAsync();
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });
    }
}
