using System.Security.Cryptography;
using System.Text;
using FinCloud.Core;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Core.Tenancy;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Web.Features.Scanning;

namespace FinCloud.Web.Features.NetworkSeparation;

/// <summary>
/// A demo 망분리 예외 for one institution, shared with the FSS: a research network (제15조①3호 가목) that must
/// receive no 고유식별정보 or 개인신용정보, with two data sets: a pseudonymised one scanned clean, and the demo's customer export, whose scan found
/// 주민등록번호, so it is blocked until the finding is resolved.
/// </summary>
public static class NetworkSeparationDemo
{
    public static async Task SeedAsync(IServiceProvider services, Guid organizationId, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        db.Tenant.Enter(organizationId, null, ActorKind.System);
        var (exemption, error) = await RegisterExemption.HandleAsync(db, new ExemptionRegistration(
            "AI 상담 분석 연구망", SeparationExemptionKind.ResearchNetwork, "상담 이력 기반 응대 품질 모델 개발", null, null,
            [DataCategory.UniqueIdentifier, DataCategory.PersonalCreditInformation], CommitteeResolution: "2026-정보보호위-09"), ct);
        if (exemption is null)
        {
            throw new InvalidOperationException("The demo exemption could not be registered: " + error);
        }

        // Shared with the FSS, whose exemption supervision then lists it.
        await SupervisorView.ShareAsync(db, exemption.Id, ct);
        var clean = await DataSets.AddAsync(db, exemption.Id, "상담 이력 (가명처리본)", ct);
        await DataSets.RecordScanAsync(db, clean!.Id, Sha256("상담 이력 (가명처리본)"), [], ct);
        var export = await DataSets.AddAsync(db, exemption.Id, ScanningDemo.FileName, ct);
        await DataSets.RecordScanAsync(db, export!.Id, Sha256(ScanningDemo.Export(40)),
            [new FindingCount("rrn", 40), new FindingCount("phone", 40), new FindingCount("email", 40), new FindingCount("account", 40)], ct);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
