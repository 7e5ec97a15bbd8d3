using FinCloud.Core.Tenancy;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace FinCloud.Web.Components.Account;

/// <summary>
/// Interactive components run in a circuit, outside any HTTP request: call <see cref="EnsureAsync"/> before
/// using the context so it acts for the signed-in user's organisation (requests are handled by middleware).
/// </summary>
public sealed class TenantAccess(TenantContext tenant, AuthenticationStateProvider authentication)
{
    public async Task<TenantContext> EnsureAsync()
    {
        if (!tenant.HasOrganization)
        {
            var state = await authentication.GetAuthenticationStateAsync();
            tenant.EnterFrom(state.User);
        }

        return tenant;
    }
}
