using FinCloud.Core.Tenancy;

namespace FinCloud.Core.CloudUse;

/// <summary>클라우드컴퓨팅서비스 제공자 (CSP) as one institution knows it.</summary>
public sealed class CloudProvider : ITenantOwned
{
    private CloudProvider()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private init; }

    public static CloudProvider Register(string name, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Name = name.Trim(), CreatedAt = now };
}
