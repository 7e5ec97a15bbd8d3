using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace FinCloud.Web.Components.Account;

/// <summary>What the 2단계 인증 pages share: the authenticator app's set-up link and QR code, codes as typed, recovery codes.</summary>
public static class Authenticator
{
    /// <summary>How many recovery codes a user gets; each signs in once when the phone is lost.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>The audit summaries of a sign-in's two steps: the password alone does not sign in when a factor is on.</summary>
    public const string PasswordOnlySoFar = "password ok; second factor required";

    public const string SecondFactorAccepted = "second factor accepted";

    /// <summary>At or below this many unused recovery codes the account page asks for new ones.</summary>
    public const int FewRecoveryCodes = 3;

    /// <summary>The <c>otpauth://</c> link authenticator apps read (Key URI Format: HMAC-SHA1, 6 digits, 30 seconds).</summary>
    public static string Uri(string email, string sharedKey) =>
        $"otpauth://totp/FinCloud:{System.Uri.EscapeDataString(email)}?secret={sharedKey}&issuer=FinCloud&digits=6";

    /// <summary>The link as a PNG QR code in a data URI (the page's CSP allows <c>data:</c> images).</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    /// <summary>The shared key in groups of four, as people copy it into an app by hand.</summary>
    public static string Grouped(string? key) => string.Join(' ', (key ?? "").ToLowerInvariant().Chunk(4).Select(c => new string(c)));

    /// <summary>A code as typed, without the spaces and hyphens apps and printouts put in it.</summary>
    public static string Normalize(string? code) => new([.. (code ?? "").Where(c => c is not (' ' or '-'))]);

    /// <summary>
    /// Does <paramref name="code"/> prove the second factor: a current authenticator code, or else one of the user's
    /// recovery codes (then used up)? Turning the factor off or issuing new recovery codes asks for one.
    /// </summary>
    public static async Task<bool> ProvesAsync(UserManager<FinCloudUser> users, FinCloudUser user, string? code)
    {
        var typed = Normalize(code);
        if (typed.Length == 0)
        {
            return false;
        }

        if (typed.Length == 6 && typed.All(char.IsAsciiDigit))
        {
            return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed);
        }

        return (await users.RedeemTwoFactorRecoveryCodeAsync(user, RecoveryCode(code))).Succeeded;
    }

    /// <summary>A recovery code as issued (XXXXX-XXXXX), however it was typed.</summary>
    public static string RecoveryCode(string? typed)
    {
        var code = Normalize(typed).ToUpperInvariant();
        return code.Length == 10 ? $"{code[..5]}-{code[5..]}" : code;
    }

    /// <summary>
    /// Writes an account event to the trail of the user's organisation (their oldest membership), for steps taken
    /// before the sign-in cookie carries the organisation: sign-in outcomes and recovery codes used to sign in.
    /// </summary>
    public static async Task AuditSignInStepAsync(FinCloudDbContext db, FinCloudUser user, AuditEventType type, string? after = null)
    {
        var membership = (await db.Memberships.AcrossTenants(AcrossTenantsReason.Authentication).AsNoTracking()
            .Where(m => m.UserId == user.Id).ToListAsync()).OrderBy(m => m.GrantedAt).FirstOrDefault();
        if (membership is null || (db.Tenant.OrganizationId is { } current && current != membership.OrganizationId))
        {
            return;
        }

        if (!db.Tenant.HasOrganization)
        {
            db.Tenant.Enter(membership.OrganizationId, user.Id, ActorKind.User);
        }

        db.Audit(type, nameof(FinCloudUser), user.Id, after: after);
        await db.SaveChangesAsync();
    }
}
