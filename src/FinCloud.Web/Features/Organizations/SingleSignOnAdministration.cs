using System.Text.RegularExpressions;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Persistence;
using FinCloud.Core.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Organizations;

/// <summary>What an administrator enters for 기관 SSO; a blank secret keeps the one saved.</summary>
public sealed class SingleSignOnInput
{
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    /// <summary>Comma-, space- or line-separated.</summary>
    public string Domains { get; set; } = "";

    public bool Enabled { get; set; }

    /// <summary>Members other than administrators may not sign in with a password (only with SSO on).</summary>
    public bool Required { get; set; }
}

public enum SettingProblemKind
{
    AuthorityTooLong,
    AuthorityNotAnAddress,
    AuthorityNotHttps,
    NoDiscoveryDocument,
    ClientIdMissing,
    SecretMissing,
    SecretTooLong,
    DomainCount,
    DomainMalformed,
    DomainClaimed,
}

/// <summary>What is wrong with one field of the settings; <paramref name="Value"/> is the domain at fault or the limit passed.</summary>
/// <remarks>The page words it from its resources (<c>SsoSetting-{Kind}</c>); the API in English (<see cref="English"/>).</remarks>
public sealed record SettingProblem(SettingProblemKind Kind, string? Value = null)
{
    public string English => Kind switch
    {
        SettingProblemKind.AuthorityTooLong => $"The issuer address is longer than {Value} characters.",
        SettingProblemKind.AuthorityNotAnAddress => "Give the issuer's absolute https:// address, without query or fragment.",
        SettingProblemKind.AuthorityNotHttps => "The issuer must use https (http only on this server's loopback address).",
        SettingProblemKind.NoDiscoveryDocument => "No OpenID Connect discovery document (.well-known/openid-configuration) could be read there.",
        SettingProblemKind.ClientIdMissing => $"Give the client ID (at most {Value} characters).",
        SettingProblemKind.SecretMissing => "Give the client secret the provider issued.",
        SettingProblemKind.SecretTooLong => $"The client secret is longer than {Value} characters.",
        SettingProblemKind.DomainCount => $"Give 1 to {Value} e-mail domains (e.g. hanbit.example).",
        SettingProblemKind.DomainMalformed => $"'{Value}' is not a domain name.",
        _ => $"'{Value}' is already another organisation's SSO domain.",
    };
}

/// <summary>An organisation administrator's 기관 SSO settings: checked, sealed, saved with their audit event.</summary>
public static partial class SingleSignOnAdministration
{
    public const int MaxDomains = 10;
    public const int MaxSecretLength = 500;

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();

    private static string Limit(int limit) => limit.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IDataProtector SecretProtector(IDataProtectionProvider protection) => protection.CreateProtector("FinCloud.SingleSignOn.ClientSecret");

    public static Task<SingleSignOn?> LoadAsync(FinCloudDbContext db, CancellationToken ct) =>
        db.SingleSignOns.AsNoTracking().SingleOrDefaultAsync(ct);

    /// <summary>Saves the settings; returns the problems by field name of <see cref="SingleSignOnInput"/>, empty when saved.</summary>
    public static async Task<Dictionary<string, SettingProblem>> SaveAsync(SingleSignOnInput input, FinCloudDbContext db, OpenIdProvider provider,
        IDataProtectionProvider protection, CancellationToken ct)
    {
        var problems = new Dictionary<string, SettingProblem>();
        var authority = input.Authority.Trim().TrimEnd('/');
        var clientId = input.ClientId.Trim();
        var secret = string.IsNullOrWhiteSpace(input.ClientSecret) ? null : input.ClientSecret.Trim();
        var domains = input.Domains.Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.TrimStart('@').ToLowerInvariant()).Distinct().ToList();
        var existing = await db.SingleSignOns.SingleOrDefaultAsync(ct);

        if (authority.Length > SingleSignOn.MaxAuthorityLength)
        {
            problems[nameof(SingleSignOnInput.Authority)] = new(SettingProblemKind.AuthorityTooLong, Limit(SingleSignOn.MaxAuthorityLength));
        }
        else if (OpenIdProvider.AuthorityProblem(authority) is { } authorityProblem)
        {
            problems[nameof(SingleSignOnInput.Authority)] = new(authorityProblem);
        }

        if (clientId.Length is 0 or > SingleSignOn.MaxClientIdLength)
        {
            problems[nameof(SingleSignOnInput.ClientId)] = new(SettingProblemKind.ClientIdMissing, Limit(SingleSignOn.MaxClientIdLength));
        }

        if (secret is null && existing is null)
        {
            problems[nameof(SingleSignOnInput.ClientSecret)] = new(SettingProblemKind.SecretMissing);
        }
        else if (secret?.Length > MaxSecretLength)
        {
            problems[nameof(SingleSignOnInput.ClientSecret)] = new(SettingProblemKind.SecretTooLong, Limit(MaxSecretLength));
        }

        var malformed = domains.FirstOrDefault(d => !DomainPattern().IsMatch(d));
        if (domains.Count is 0 or > MaxDomains)
        {
            problems[nameof(SingleSignOnInput.Domains)] = new(SettingProblemKind.DomainCount, Limit(MaxDomains));
        }
        else if (malformed is not null)
        {
            problems[nameof(SingleSignOnInput.Domains)] = new(SettingProblemKind.DomainMalformed, malformed);
        }
        else if (await ClaimedElsewhereAsync(db, domains, ct) is { } taken)
        {
            problems[nameof(SingleSignOnInput.Domains)] = new(SettingProblemKind.DomainClaimed, taken);
        }

        if (problems.Count == 0 && input.Enabled && await provider.DiscoverAsync(authority, ct) is null)
        {
            problems[nameof(SingleSignOnInput.Authority)] = new(SettingProblemKind.NoDiscoveryDocument);
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var now = db.Clock.GetUtcNow();
        var sso = existing ?? db.SingleSignOns.Add(SingleSignOn.Create(now)).Entity;
        var before = existing?.Describe();
        // A subject is unique only at its issuer: another provider's subjects must not find the members linked so far.
        var unlink = existing is not null && !string.Equals(existing.Authority, authority, StringComparison.Ordinal);
        sso.Update(authority, clientId, secret is null ? null : SecretProtector(protection).Protect(secret), domains, input.Enabled, input.Required, now);
        db.Audit(AuditEventType.SingleSignOnChanged, nameof(SingleSignOn), sso.Id, before: before,
            after: sso.Describe() + (secret is null ? "" : " (secret replaced)") + (unlink ? " (member links cleared)" : ""));
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        if (unlink)
        {
            await db.UserLogins.Where(l => l.LoginProvider == sso.LoginProvider).ExecuteDeleteAsync(ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return problems;
    }

    /// <summary>
    /// Whether <paramref name="userId"/> must sign in through their organisation's provider (SSO 필수 and not an
    /// administrator). Read before a password sign-in, when no organisation is in scope yet.
    /// </summary>
    public static async Task<bool> PasswordRefusedAsync(FinCloudDbContext db, Guid userId, CancellationToken ct)
    {
        var roles = await db.Memberships.AcrossTenants(AcrossTenantsReason.Authentication).AsNoTracking()
            .Where(m => m.UserId == userId).Select(m => new { m.OrganizationId, m.Role }).ToListAsync(ct);
        if (roles.Count == 0 || roles.Any(m => m.Role == OrganizationRole.Administrator))
        {
            return false;
        }

        var organizations = roles.Select(m => m.OrganizationId).Distinct().ToList();
        return await db.SingleSignOns.AcrossTenants(AcrossTenantsReason.Authentication)
            .AnyAsync(s => organizations.Contains(s.OrganizationId) && s.Enabled && s.Required, ct);
    }

    /// <summary>The first of <paramref name="domains"/> that another organisation's SSO already names.</summary>
    private static async Task<string?> ClaimedElsewhereAsync(FinCloudDbContext db, List<string> domains, CancellationToken ct)
    {
        var own = db.Tenant.RequireOrganization();
        var others = await db.SingleSignOns.AcrossTenants(AcrossTenantsReason.SingleSignOnDomain).AsNoTracking()
            .Where(s => s.OrganizationId != own).Select(s => s.EmailDomains).ToListAsync(ct);
        var taken = others.SelectMany(d => d.Split(',')).ToHashSet();
        return domains.FirstOrDefault(taken.Contains);
    }
}
