using System.Security.Claims;
using FinCloud.Core;
using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinCloud.Web.Security;

/// <summary>Adds the user's organisation and their roles there to the sign-in cookie.</summary>
public sealed class FinCloudClaimsPrincipalFactory(UserManager<FinCloudUser> users, IOptions<IdentityOptions> options, FinCloudDbContext db)
    : UserClaimsPrincipalFactory<FinCloudUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(FinCloudUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // A user belongs to one organisation today; memberships keep the door open for several.
        var memberships = await db.Memberships.AcrossTenants(AcrossTenantsReason.Authentication)
            .Where(m => m.UserId == user.Id).ToListAsync();
        memberships = [.. memberships.OrderBy(m => m.GrantedAt)];
        if (memberships.Count > 0)
        {
            var organizationId = memberships[0].OrganizationId;
            identity.AddClaim(new Claim(FinCloudClaims.OrganizationId, organizationId.ToString()));
            identity.AddClaim(new Claim(FinCloudClaims.ActorKind, nameof(ActorKind.User)));
            if (await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId) is { } organization)
            {
                identity.AddClaim(new Claim(FinCloudClaims.OrganizationNameKo, organization.NameKo));
                identity.AddClaim(new Claim(FinCloudClaims.OrganizationNameEn, organization.NameEn));
                identity.AddClaim(new Claim(FinCloudClaims.OrganizationKind, organization.Kind.ToString()));
                if (organization.RequiresTwoFactor)
                {
                    identity.AddClaim(new Claim(FinCloudClaims.TwoFactorPolicy, "required"));
                }
            }

            foreach (var m in memberships.Where(m => m.OrganizationId == organizationId))
            {
                identity.AddClaim(new Claim(identity.RoleClaimType, m.Role.ToString()));
            }
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(FinCloudClaims.TwoFactor, "on"));
        }

        identity.AddClaim(new Claim("name", user.DisplayName));
        return identity;
    }
}
