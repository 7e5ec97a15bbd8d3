namespace FinCloud.Core.Tenancy;

/// <summary>
/// Who acts, for which organisation, in the current scope (one request, one circuit, one command).
/// Nothing is visible until an organisation is entered: no organisation means no tenant rows.
/// </summary>
public sealed class TenantContext
{
    public Guid? OrganizationId { get; private set; }

    public Guid? ActorId { get; private set; }

    public ActorKind ActorKind { get; private set; } = ActorKind.System;

    public bool HasOrganization => OrganizationId is not null;

    public Guid RequireOrganization() =>
        OrganizationId ?? throw new TenantViolationException("No organisation is in scope for this operation.");

    public void Enter(Guid organizationId, Guid? actorId, ActorKind actorKind)
    {
        if (OrganizationId is { } current && current != organizationId)
        {
            // A scope serves one organisation; switching would let tracked rows of the first leak into the second.
            throw new TenantViolationException("This scope already acts for another organisation.");
        }

        OrganizationId = organizationId;
        ActorId = actorId;
        ActorKind = actorKind;
    }
}

/// <summary>Who performed an audited change.</summary>
public enum ActorKind
{
    System = 0,
    User = 1,
    ApiKey = 2,
}

/// <summary>A read or write crossed organisations: a bug, never an expected outcome.</summary>
public sealed class TenantViolationException(string message) : InvalidOperationException(message);
