using System.Globalization;
using FinCloud.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace FinCloud.Web.Security;

/// <summary>
/// Authenticator-app codes that work once (RFC 6238 §5.2): the time step of the last code accepted is kept with the
/// user, and a code of that step or an earlier one is refused, so a code read over a shoulder or from a proxy's log
/// cannot sign in a second time. Otherwise as Identity's own provider: six digits, two steps of drift either side.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<FinCloudUser>
{
    public const string Name = "OneTimeAuthenticator";

    private const string LoginProvider = "[FinCloud]";
    private const string LastStep = "AuthenticatorLastStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<FinCloudUser> manager, FinCloudUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<FinCloudUser> manager, FinCloudUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<FinCloudUser> manager, FinCloudUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStep), CultureInfo.InvariantCulture, out var step) ? step : (long?)null;
        if (Totp.Match(key, token, clock.GetUtcNow(), last) is not { } accepted)
        {
            return false;
        }

        // Kept before the code counts: when two requests race with one code, the user's concurrency stamp lets one through.
        return (await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStep, accepted.ToString(CultureInfo.InvariantCulture))).Succeeded;
    }

    /// <summary>A new key starts a new sequence of codes.</summary>
    public static Task ForgetAsync(UserManager<FinCloudUser> manager, FinCloudUser user) =>
        manager.RemoveAuthenticationTokenAsync(user, LoginProvider, LastStep);
}
