using System.Security.Cryptography;
using FinCloud.Core.Audit;
using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Features.Exchange;

/// <summary>The organisation's signing key and its register of trusted issuers.</summary>
public static class ExchangeKeys
{
    /// <summary>The active signing key, created (and audited) on first use.</summary>
    public static async Task<SigningKey> EnsureSigningKeyAsync(FinCloudDbContext db, ISigningKeyProtector protector, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(protector);
        var existing = await db.SigningKeys.Where(k => k.RetiredAt == null).OrderByDescending(k => k.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keyId = ExchangeBundle.KeyIdOf(key);
        var created = SigningKey.Create(keyId, key.ExportSubjectPublicKeyInfoPem(), protector.Protect(key.ExportPkcs8PrivateKey()), db.Clock.GetUtcNow());
        db.SigningKeys.Add(created);
        db.Audit(AuditEventType.SigningKeyCreated, nameof(SigningKey), created.Id, after: $"key={keyId}");
        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>Retires the active key and creates a new one; partners must pin the new public key.</summary>
    public static async Task<SigningKey> RotateAsync(FinCloudDbContext db, ISigningKeyProtector protector, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var k in await db.SigningKeys.Where(k => k.RetiredAt == null).ToListAsync(ct))
        {
            k.Retire(db.Clock.GetUtcNow());
            db.Audit(AuditEventType.SigningKeyRetired, nameof(SigningKey), k.Id, before: "active", after: "retired");
        }

        await db.SaveChangesAsync(ct);
        return await EnsureSigningKeyAsync(db, protector, ct);
    }

    /// <summary>The private key of <paramref name="key"/>, unprotected for one signature; dispose it after use.</summary>
    public static ECDsa OpenPrivateKey(SigningKey key, ISigningKeyProtector protector)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(protector);
        var pkcs8 = protector.Unprotect(key.ProtectedPrivateKey);
        try
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return ecdsa;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    /// <summary>
    /// Pins a partner's public key. The administrator compares the shown key id with the partner over another channel
    /// (telephone, official letter) before pinning.
    /// </summary>
    public static async Task<TrustedIssuer> PinAsync(FinCloudDbContext db, string publicKeyPem, string issuerName, OrganizationKind issuerKind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(issuerName) || issuerName.Trim().Length < 2)
        {
            throw new ArgumentException("Name the issuer (at least two characters).", nameof(issuerName));
        }

        var key = ExchangeBundle.TrustedKeyFromPem(publicKeyPem, issuerName);
        var existing = await db.TrustedIssuers.FirstOrDefaultAsync(i => i.KeyId == key.KeyId, ct);
        if (existing is not null)
        {
            if (!existing.IsActive)
            {
                throw new InvalidOperationException("This key was revoked and cannot be pinned again.");
            }

            return existing;
        }

        using var normalized = ECDsa.Create();
        normalized.ImportSubjectPublicKeyInfo(key.SubjectPublicKeyInfo, out _);
        var issuer = TrustedIssuer.Pin(key.KeyId, issuerName, issuerKind, normalized.ExportSubjectPublicKeyInfoPem(), db.Clock.GetUtcNow());
        db.TrustedIssuers.Add(issuer);
        db.Audit(AuditEventType.TrustedIssuerPinned, nameof(TrustedIssuer), issuer.Id, after: $"key={key.KeyId}; kind={issuerKind}");
        await db.SaveChangesAsync(ct);
        return issuer;
    }

    public static async Task<TrustedIssuer?> RevokeAsync(FinCloudDbContext db, Guid issuerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var issuer = await db.TrustedIssuers.SingleOrDefaultAsync(i => i.Id == issuerId, ct);
        if (issuer is null || !issuer.IsActive)
        {
            return issuer;
        }

        issuer.Revoke(db.Clock.GetUtcNow());
        db.Audit(AuditEventType.TrustedIssuerRevoked, nameof(TrustedIssuer), issuer.Id, before: "active", after: "revoked");
        await db.SaveChangesAsync(ct);
        return issuer;
    }
}
