using FinCloud.Core;
using FinCloud.Core.Features.Continuity;
using FinCloud.Core.Tenancy;
using FinCloud.Rules.Continuity;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Continuity;

/// <summary>A small BIA: 예금 (core, RTO 3 h) → 계정계 → 본인인증 vendor; 대출 (RTO 24 h) → 여신 시스템.</summary>
public sealed record ContinuityRecords(Guid DepositsId, Guid LoansId, Guid CoreBankingId, Guid LoanSystemId, Guid VendorId, Guid DrSiteId, Guid DrillId)
{
    public static async Task<ContinuityRecords> CreateForAsync(FinCloudApp app, Guid organizationId, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        clock ??= new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        return await app.InOrgAsync(clock, organizationId, async db =>
        {
            var site = await ContinuityRegister.AddSiteAsync(db, "안성 재해복구센터", DrSiteRole.DisasterRecovery, "경기 안성", "KT, LG U+", CancellationToken.None);
            var deposits = (await ContinuityRegister.SaveProcessAsync(db, null, new BusinessProcessInput("DEP-01", "예금 입출금", "수신부", 180, 0, true, "고객 자금 이동, 대외 결제망 연계",
                [new(TimeSpan.FromHours(1), 300_000_000, 4, 3, 3), new(TimeSpan.FromHours(4), 2_000_000_000, 5, 5, 4)]), CancellationToken.None)).Process!;
            var loans = (await ContinuityRegister.SaveProcessAsync(db, null, new BusinessProcessInput("LON-01", "대출 심사", "여신부", 1440, 60, false, null,
                [new(TimeSpan.FromHours(24), 100_000_000, 1, 1, 0)]), CancellationToken.None)).Process!;
            var core = (await ContinuityRegister.SaveAssetAsync(db, null, new ItAssetInput("SYS-CORE", "계정계", ItAssetKind.System, 120, DrMode.Hot, site.Id, 1m, true, 2, 2), CancellationToken.None)).Asset!;
            var loan = (await ContinuityRegister.SaveAssetAsync(db, null, new ItAssetInput("SYS-LOAN", "여신 시스템", ItAssetKind.System, 600, DrMode.Warm, site.Id, 0.5m, false, 0, 0), CancellationToken.None)).Asset!;
            var vendor = (await ContinuityRegister.SaveThirdPartyAsync(db, null, new ThirdPartyInput("휴대폰 본인인증", "A인증", LinkedServiceKind.Authentication, 240, true,
                new DateOnly(2026, 3, 1), RiskRating.Medium, true, "월간 SLA 보고", null, "계약 종료 시 데이터 반환", null, new DateOnly(2027, 12, 31)), CancellationToken.None))!;
            (await ContinuityRegister.AddDependencyAsync(db, DependencyNodeKind.Process, deposits.Id, DependencyNodeKind.Asset, core.Id, CancellationToken.None)).Error.ShouldBeNull();
            (await ContinuityRegister.AddDependencyAsync(db, DependencyNodeKind.Asset, core.Id, DependencyNodeKind.ThirdParty, vendor.Id, CancellationToken.None)).Error.ShouldBeNull();
            (await ContinuityRegister.AddDependencyAsync(db, DependencyNodeKind.Process, loans.Id, DependencyNodeKind.Asset, loan.Id, CancellationToken.None)).Error.ShouldBeNull();
            var drill = (await Drills.PlanAsync(db, new DrillPlanInput("2026 하반기 재해복구 전환훈련", DrillKind.Switchover, "주전산센터 화재", new DateOnly(2026, 11, 21), [core.Id, loan.Id], true), CancellationToken.None)).Drill!;
            return new ContinuityRecords(deposits.Id, loans.Id, core.Id, loan.Id, vendor.Id, site.Id, drill.Id);
        });
    }

    /// <summary>One record of the organisation per route parameter of the continuity API, for the cross-tenant test.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> ResourcesOfAsync(FinCloudApp app, Guid organizationId)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        var r = await CreateForAsync(app, organizationId, clock);
        var start = new DateTimeOffset(2026, 11, 21, 22, 0, 0, TimeSpan.FromHours(9));
        return await app.InOrgAsync(clock, organizationId, async db =>
        {
            var (result, _) = await Drills.RecordExecutionAsync(db, r.DrillId, new DrillExecutionInput(new DateOnly(2026, 11, 21), null, null,
                [new(r.CoreBankingId, start, start.AddHours(4), true, 1, 1)]), CancellationToken.None);
            var (incident, _) = await Incidents.RegisterAsync(db, new IncidentInput("장애", IncidentType.Outage, start, start, start.AddHours(1), null, null, [], null, Severity.Medium, null), CancellationToken.None);
            var dependency = await db.ContinuityDependencies.Select(d => d.Id).FirstAsync();
            // A joint drill and a participation held by this organisation (the handlers' role checks aside), so the
            // generated tests reach the joint-drill routes with a record of their own and of another organisation.
            var joint = JointDrill.Schedule("공동훈련", "대외 결제망 전환", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7), new DateOnly(2026, 11, 21), "금융결제원",
                null, [organizationId], clock.GetUtcNow());
            db.JointDrills.Add(joint);
            var participation = JointDrillParticipation.Receive(joint, "금융감독원", clock.GetUtcNow());
            db.JointDrillParticipations.Add(participation);
            await db.SaveChangesAsync();
            var procedure = await EmergencyPlan.NewVersionAsync(db, DisasterScenario.Fire, "화재 대응 절차", "1. 상황 전파", new DateOnly(2026, 6, 1), CancellationToken.None);
            var role = await EmergencyPlan.AddRoleAsync(db, "비상대책위원회", "위원장", "비상사태 선포", null, null, CancellationToken.None);
            return (IReadOnlyDictionary<string, Guid>)new Dictionary<string, Guid>
            {
                ["processId"] = r.DepositsId, ["assetId"] = r.CoreBankingId, ["dependencyId"] = dependency, ["drillId"] = r.DrillId,
                ["remediationTaskId"] = result!.Tasks[0].Id, ["incidentId"] = incident!.Id,
                ["jointDrillId"] = joint.Id, ["participationId"] = participation.Id,
                ["procedureId"] = procedure.Id, ["roleId"] = role.Id,
            };
        });
    }
}

internal static class ContinuityScope
{
    /// <summary>Runs handlers for one organisation on the app's database with a clock the test drives.</summary>
    public static async Task<T> InOrgAsync<T>(this FinCloudApp app, TimeProvider clock, Guid organizationId, Func<FinCloudDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<FinCloudDbContext>>();
        var tenant = new TenantContext();
        tenant.Enter(organizationId, null, ActorKind.System);
        await using var db = new FinCloudDbContext(options, tenant, clock);
        return await work(db);
    }
}
