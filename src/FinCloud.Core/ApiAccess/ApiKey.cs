using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;

namespace FinCloud.Core.ApiAccess;

/// <summary>
/// An organisation's key for the API, sent as <c>Authorization: Bearer fc_…</c>. Only its SHA-256 is stored;
/// the secret is shown once, when the key is created.
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public const string SecretPrefix = "fc_";

    private ApiKey()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string Name { get; private set; } = "";

    /// <summary>The first characters of the secret, so people can tell keys apart.</summary>
    public string Prefix { get; private init; } = "";

    public string SecretHash { get; private init; } = "";

    /// <summary>What the key may do, as one of the organisation's roles.</summary>
    public OrganizationRole Role { get; private init; }

    /// <summary>
    /// The API scopes the key may use (<c>cloud-use:read</c>, <c>reports:submit</c>…), space-separated, within its role.
    /// Null: every scope its role allows, now and as new areas come; keys created before scopes existed are such keys.
    /// </summary>
    public string? Scopes { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static (ApiKey Key, string Secret) Create(string name, OrganizationRole role, DateTimeOffset now, IEnumerable<string>? scopes = null)
    {
        var secret = SecretPrefix + SecretTokens.NewHex(24);
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            Prefix = secret[..10],
            SecretHash = Hash(secret),
            Role = role,
            Scopes = scopes is null ? null : string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            CreatedAt = now,
        };
        return (key, secret);
    }

    /// <summary>The key's scopes, or null for every scope of its role.</summary>
    public IReadOnlyList<string>? ScopeList => Scopes?.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string Hash(string secret) => SecretTokens.Hash(secret);

    public bool Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = now;
        return true;
    }
}
