using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Web.Tests.Infrastructure;

namespace FinCloud.Web.Tests.NetworkSeparation;

/// <summary>One organisation's exemption, data set and open finding: the records the cross-tenant test aims at.</summary>
public sealed record SeparationRecords(Guid ExemptionId, Guid DataSetId, Guid FindingId)
{
    public static async Task<SeparationRecords> CreateForAsync(FinCloudApp app, Guid organizationId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var exemption = await app.WithDbAsync(async db =>
            (await RegisterExemption.HandleAsync(db, SeparationScope.M365("IFS-20240927-N04", DataCategory.UniqueIdentifier), CancellationToken.None)).Exemption!, organizationId);
        await app.WithDbAsync(db => SupervisorView.ShareAsync(db, exemption.Id, CancellationToken.None), organizationId);
        var dataSet = await app.WithDbAsync(db => DataSets.AddAsync(db, exemption.Id, "고객 명단", CancellationToken.None), organizationId);
        var scan = await app.WithDbAsync(db => DataSets.RecordScanAsync(db, dataSet!.Id, new string('b', 64), [new FindingCount("rrn", 2)], CancellationToken.None), organizationId);
        return new(exemption.Id, dataSet!.Id, scan!.Value.Findings.Single().Id);
    }
}
