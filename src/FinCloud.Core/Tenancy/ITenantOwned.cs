namespace FinCloud.Core.Tenancy;

/// <summary>
/// A row that belongs to one organisation. The context filters every query with the named
/// <c>"Tenant"</c> filter and refuses writes to another organisation's rows.
/// </summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; set; }
}
