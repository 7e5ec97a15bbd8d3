using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Features.Exchange;

/// <summary>
/// 서명 키: the organisation's ECDSA P-256 key pair for signing exchange bundles. The private key is stored only in
/// protected form (ASP.NET Data Protection); the public key is handed to partners out of band.
/// </summary>
public sealed class SigningKey : ITenantOwned
{
    private SigningKey()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the public key's SubjectPublicKeyInfo.</summary>
    public string KeyId { get; private init; } = "";

    /// <summary>PEM <c>PUBLIC KEY</c>.</summary>
    public string PublicKeyPem { get; private init; } = "";

    /// <summary>The PKCS#8 private key, protected by the installation's data-protection keys; never exported.</summary>
    public string ProtectedPrivateKey { get; private init; } = "";

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsActive => RetiredAt is null;

    public static SigningKey Create(string keyId, string publicKeyPem, string protectedPrivateKey, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), KeyId = keyId, PublicKeyPem = publicKeyPem, ProtectedPrivateKey = protectedPrivateKey, CreatedAt = now };

    public void Retire(DateTimeOffset now) => RetiredAt ??= now;
}

/// <summary>신뢰 발행기관: a partner's public key, pinned after checking its key id out of band.</summary>
public sealed class TrustedIssuer : ITenantOwned
{
    private TrustedIssuer()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string KeyId { get; private init; } = "";

    /// <summary>The partner's name as the administrator pinned it; shown instead of what a bundle claims.</summary>
    public string IssuerName { get; private init; } = "";

    public OrganizationKind IssuerKind { get; private init; }

    public string PublicKeyPem { get; private init; } = "";

    public DateTimeOffset PinnedAt { get; private init; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static TrustedIssuer Pin(string keyId, string issuerName, OrganizationKind kind, string publicKeyPem, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), KeyId = keyId, IssuerName = issuerName.Trim(), IssuerKind = kind, PublicKeyPem = publicKeyPem, PinnedAt = now };

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

/// <summary>가져온 번들: one verified bundle; its id is unique per organisation, so the same bundle is never imported twice.</summary>
public sealed class ImportedBundle : ITenantOwned
{
    private ImportedBundle()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>The issuer's bundle id from the manifest (the replay key).</summary>
    public Guid BundleId { get; private init; }

    public BundleKind Kind { get; private init; }

    public string Title { get; private init; } = "";

    public Guid TrustedIssuerId { get; private init; }

    public string IssuerName { get; private init; } = "";

    public string IssuerKeyId { get; private init; } = "";

    public DateTimeOffset IssuedAt { get; private init; }

    public DateTimeOffset ImportedAt { get; private init; }

    public Guid? InReplyTo { get; private init; }

    /// <summary>SHA-256 of the whole archive as received.</summary>
    public string Sha256 { get; private init; } = "";

    /// <summary>The archive as received, kept in the same transaction as what it created.</summary>
    public byte[] Content { get; private init; } = [];

    public static ImportedBundle Record(ExchangeManifest manifest, TrustedIssuer issuer, string sha256, byte[] content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(issuer);
        return new()
        {
            Id = Guid.CreateVersion7(now),
            BundleId = manifest.BundleId,
            Kind = manifest.Kind,
            Title = manifest.Title,
            TrustedIssuerId = issuer.Id,
            IssuerName = issuer.IssuerName,
            IssuerKeyId = issuer.KeyId,
            IssuedAt = manifest.CreatedAt,
            ImportedAt = now,
            InReplyTo = manifest.InReplyTo,
            Sha256 = sha256,
            Content = content,
        };
    }
}

/// <summary>내보낸 번들: what this organisation signed and handed out, so replies can name it.</summary>
public sealed class ExportedBundle : ITenantOwned
{
    private ExportedBundle()
    {
    }

    /// <summary>The bundle id written into the manifest.</summary>
    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public BundleKind Kind { get; private init; }

    public string Title { get; private init; } = "";

    /// <summary>The record the bundle carries (a report package, an evaluation, a submission).</summary>
    public Guid SubjectId { get; private init; }

    public Guid? InReplyTo { get; private init; }

    public string KeyId { get; private init; } = "";

    public string Sha256 { get; private init; } = "";

    public long SizeBytes { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public static ExportedBundle Record(Guid bundleId, BundleKind kind, string title, Guid subjectId, Guid? inReplyTo, string keyId, byte[] zip, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zip);
        return new()
        {
            Id = bundleId,
            Kind = kind,
            Title = title,
            SubjectId = subjectId,
            InReplyTo = inReplyTo,
            KeyId = keyId,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(zip)),
            SizeBytes = zip.LongLength,
            CreatedAt = now,
        };
    }
}

/// <summary>Protects a private key at rest; the web app implements it with ASP.NET Data Protection.</summary>
public interface ISigningKeyProtector
{
    string Protect(byte[] pkcs8PrivateKey);

    byte[] Unprotect(string protectedKey);
}
