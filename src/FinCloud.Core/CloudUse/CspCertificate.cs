using FinCloud.Core.Tenancy;
using FinCloud.Rules.Catalogue;

namespace FinCloud.Core.CloudUse;

/// <summary>보안인증: a certificate a CSP holds, with its validity; expiring ones are flagged.</summary>
public sealed class CspCertificate : ITenantOwned
{
    /// <summary>Flag certificates and evaluations this many days before they lapse.</summary>
    public const int ExpiryWarningDays = 90;

    private CspCertificate()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid ProviderId { get; private init; }

    /// <summary>The service the certificate's scope covers; null when it covers the provider's whole offering.</summary>
    public Guid? ServiceId { get; private init; }

    public CertificationScheme Scheme { get; private init; }

    public DateOnly ValidFrom { get; private init; }

    public DateOnly ValidUntil { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public static CspCertificate Record(Guid providerId, Guid? serviceId, CertificationScheme scheme, DateOnly validFrom, DateOnly validUntil, DateTimeOffset now)
    {
        if (validUntil < validFrom)
        {
            throw new ArgumentException("A certificate cannot end before it starts.", nameof(validUntil));
        }

        return new() { Id = Guid.CreateVersion7(now), ProviderId = providerId, ServiceId = serviceId, Scheme = scheme, ValidFrom = validFrom, ValidUntil = validUntil, CreatedAt = now };
    }

    public ExpiryStatus StatusOn(DateOnly today) => ExpiryStatusOf.On(ValidUntil, today);

    /// <summary>The rules engine's view: counts for the service when in scope and valid on the day.</summary>
    public Certificate ForRules(Guid serviceId) => new(Scheme, ValidFrom, ValidUntil, ServiceId is null || ServiceId == serviceId);
}

public enum ExpiryStatus
{
    Valid = 1,
    Expiring = 2,
    Expired = 3,
}

public static class ExpiryStatusOf
{
    public static ExpiryStatus On(DateOnly until, DateOnly today) =>
        until < today ? ExpiryStatus.Expired
        : until <= today.AddDays(CspCertificate.ExpiryWarningDays) ? ExpiryStatus.Expiring
        : ExpiryStatus.Valid;
}
