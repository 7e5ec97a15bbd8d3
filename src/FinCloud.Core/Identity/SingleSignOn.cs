using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Identity;

/// <summary>
/// 기관 SSO: an organisation's own identity provider (OpenID Connect, e.g. the Entra ID tenant of an institution that
/// uses Microsoft 365), through which its members sign in. One per organisation; the members still exist in FinCloud
/// (invited as before), and the provider's verified e-mail address says which member signed in.
/// </summary>
public sealed class SingleSignOn : ITenantOwned
{
    private SingleSignOn()
    {
    }

    public const int MaxAuthorityLength = 300;
    public const int MaxClientIdLength = 200;
    public const int MaxDomainsLength = 500;

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>The issuer's address: its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string Authority { get; private set; } = "";

    public string ClientId { get; private set; } = "";

    /// <summary>The client secret as the app's data protection sealed it; never shown again once saved.</summary>
    public string ProtectedClientSecret { get; private set; } = "";

    /// <summary>The e-mail domains whose members are sent to this provider, lower case, comma-separated (<c>hanbit.example</c>).</summary>
    public string EmailDomains { get; private set; } = "";

    /// <summary>Off: the settings are kept and members sign in with their passwords only.</summary>
    public bool Enabled { get; private set; }

    /// <summary>
    /// SSO 필수: members sign in through the provider only; administrators keep their passwords, so that an outage or a
    /// wrong setting at the provider cannot lock the organisation out.
    /// </summary>
    public bool Required { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<string> DomainList => EmailDomains.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The provider's name for this organisation's logins in the user-login table (one subject per member).</summary>
    public string LoginProvider => LoginProviderOf(OrganizationId);

    public static string LoginProviderOf(Guid organizationId) => "oidc:" + organizationId.ToString("N");

    public static SingleSignOn Create(DateTimeOffset now) => new() { Id = Guid.CreateVersion7(now), UpdatedAt = now };

    /// <param name="protectedSecret">A new sealed secret, or null to keep the one saved.</param>
    public void Update(string authority, string clientId, string? protectedSecret, IEnumerable<string> domains, bool enabled, bool required, DateTimeOffset now)
    {
        Required = enabled && required;
        Authority = authority;
        ClientId = clientId;
        ProtectedClientSecret = protectedSecret ?? ProtectedClientSecret;
        EmailDomains = string.Join(',', domains);
        Enabled = enabled;
        UpdatedAt = now;
    }

    /// <summary>Takes <paramref name="domain"/> off the list; with none left, SSO is off (there is nothing to route to it).</summary>
    public void ReleaseDomain(string domain, DateTimeOffset now)
    {
        var remaining = DomainList.Where(d => d != domain).ToList();
        Update(Authority, ClientId, null, remaining, Enabled && remaining.Count > 0, Required, now);
    }

    /// <summary>What an audit event records of the settings: never the secret.</summary>
    public string Describe() => $"{(Required ? "required" : Enabled ? "on" : "off")} {Authority} client={ClientId} domains={EmailDomains}";

    /// <summary>The domain of an e-mail address, lower case; null when it has none.</summary>
    public static string? DomainOf(string email)
    {
        var at = email.LastIndexOf('@');
        return at > 0 && at < email.Length - 1 ? email[(at + 1)..].Trim().ToLowerInvariant() : null;
    }
}
