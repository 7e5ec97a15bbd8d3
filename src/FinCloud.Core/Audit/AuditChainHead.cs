using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Audit;

/// <summary>
/// The last link of an organisation's chain, updated with every event: without it, deleting the newest
/// events would leave a shorter chain that still verifies.
/// </summary>
public sealed class AuditChainHead : ITenantOwned
{
    public Guid OrganizationId { get; set; }

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = AuditEvent.GenesisHash;
}
