using FinCloud.Core;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Tenancy;
using FinCloud.Rules;
using FinCloud.Rules.CloudUse;
using FinCloud.Web.Features.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.CloudUse;

/// <summary>
/// The rest of the sector in the demo (<c>Demo:Activity</c>): a securities firm, an insurer and an e-finance company
/// have reported their material cloud uses, so the FSS's 보고 접수함 and 업권 리스크 현황 show a sector rather than one
/// bank: 가상클라우드 carries material workloads of four institutions, one report came in late, the FSS has accepted
/// one (수리) and returned another for supplementation (보완요청).
/// </summary>
public static class SectorDemo
{
    private sealed record Use(string Title, string Provider, string Service, ServiceModel Model, string Regions, bool DataInKorea, int SignedInDays);

    private static readonly (string Institution, Use[] Uses)[] Reported =
    [
        ("새벽증권",
        [
            new("주식 주문 시스템 재해복구 환경", "가상클라우드", "가상서버", ServiceModel.Iaas, "kr-central-1, kr-central-2", true, -20),
            new("리서치 자료 배포 포털", "한울클라우드", "웹 호스팅", ServiceModel.Paas, "kr-south-1", true, -45),
        ]),
        ("누리생명",
        [
            // Signed 150 days ago: its report is due long before it was submitted.
            new("보험금 청구 심사 SaaS", "가상클라우드", "심사 자동화 SaaS", ServiceModel.Saas, "kr-central-1", true, -150),
        ]),
        ("바로페이",
        [
            new("간편결제 정산 시스템", "가상클라우드", "가상서버", ServiceModel.Iaas, "kr-central-2", true, -10),
            new("해외 가맹점 고객 문의 챗봇", "글로벌클라우드", "AI 상담 SaaS", ServiceModel.Saas, "ap-northeast-1", false, -30),
        ]),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        foreach (var (institution, uses) in Reported)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
            db.Tenant.Enter(await OrganizationAsync(db, institution, ct), null, ActorKind.System);
            var today = KoreanTime.Today(db.Clock);
            var (meeting, members) = await CloudUseDemo.MeetingAsync(db, "정보보호위원회", today.AddDays(-7), ct);
            var providers = new Dictionary<string, Guid>();
            foreach (var use in uses)
            {
                if (!providers.TryGetValue(use.Provider, out var provider))
                {
                    provider = providers[use.Provider] = (await RegistryApi.TryRegisterProviderAsync(use.Provider, db, ct))!.Id;
                }

                var service = ((Created<ServiceDto>)(await RegistryApi.RegisterServiceAsync(provider, new RegisterServiceRequest(use.Service, use.Model, use.Regions, use.DataInKorea), db, ct)).Result).Value!;
                var facts = new CaseFacts(false, true, false, null, today.AddDays(use.SignedInDays), today.AddDays(use.SignedInDays + 30));
                var opened = ((Created<CaseDto>)(await CloudUseApi.OpenAsync(service.Id, new OpenCaseRequest(use.Title, facts), db, ct)).Result).Value!;
                await CloudUseDemo.ApproveAsync(db, meeting, opened.Case.Id, members, flaggedMaterial: true, ct);
                if (!await CloudUseDemo.ReportAsync(scope.ServiceProvider, db, opened.Case.Id, ct))
                {
                    return;
                }
            }
        }

        await ReviewAsync(services, ct);
    }

    /// <summary>The FSS's first reviews: one report accepted, one returned with what to supplement.</summary>
    private static async Task ReviewAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        db.Tenant.Enter(await OrganizationAsync(db, "금융감독원", ct), null, ActorKind.System);
        await SupervisionApi.ReceiveSharedAsync(db, scope.ServiceProvider.GetRequiredService<EvidenceStore>(), ct);
        var received = await db.Submissions.AsNoTracking().ToDictionaryAsync(s => s.Title, s => s.Id, ct);
        await SupervisionApi.ChangeStatusAsync(received["주식 주문 시스템 재해복구 환경"], new ChangeStatusRequest(SubmissionStatus.Accepted), db, ct);
        await SupervisionApi.RequestSupplementationAsync(received["보험금 청구 심사 SaaS"], new SupplementationRequestBody(
            "CSP 안전성 평가 결과와 업무연속성계획(BCP) 최신본을 보완하여 다시 제출해 주십시오.", KoreanTime.Today(db.Clock).AddDays(14)), db, ct);
    }

    private static Task<Guid> OrganizationAsync(FinCloudDbContext db, string name, CancellationToken ct) =>
        db.Organizations.Where(o => o.NameKo == name).Select(o => o.Id).SingleAsync(ct);
}
