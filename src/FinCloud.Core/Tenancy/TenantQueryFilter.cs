namespace FinCloud.Core.Tenancy;

public static class TenantQueryFilter
{
    /// <summary>The name of the query filter; only an explicit, audited grant may ignore it.</summary>
    public const string Name = "Tenant";
}
