using FinCloud.Core.Tenancy;
using FinCloud.Rules.CloudUse;

namespace FinCloud.Core.CloudUse;

/// <summary>클라우드 서비스: one service of a CSP (IaaS/PaaS/SaaS), its regions and where the data lies.</summary>
public sealed class CloudService : ITenantOwned
{
    private CloudService()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid ProviderId { get; private init; }

    public string Name { get; private set; } = "";

    public ServiceModel ServiceModel { get; private set; }

    /// <summary>Region codes, comma separated (e.g. <c>ap-northeast-2</c>).</summary>
    public string Regions { get; private set; } = "";

    /// <summary>국내 소재: every region and management system in Korea (제14조의2⑧ proviso, ED-13).</summary>
    public bool DataInKorea { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public static CloudService Register(Guid providerId, string name, ServiceModel model, string regions, bool dataInKorea, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            ProviderId = providerId,
            Name = name.Trim(),
            ServiceModel = model,
            Regions = regions.Trim(),
            DataInKorea = dataInKorea,
            CreatedAt = now,
        };
}
