using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.Continuity;
using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;
using FinCloud.Rules;
using FinCloud.Rules.Continuity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Continuity;

/// <summary>
/// Demo of a sector-wide joint DR drill: the FSS scheduled a switchover drill linked to KFTC and KRX around the bank's
/// drill in which a system missed its RTO; the bank submitted that result on time, the securities firm (a small register
/// of its own) submitted a clean result after the deadline, and the FSS has received both. Everything is in the past and
/// submitted, so the deadline board stays quiet. Written through the same handlers as the pages, each organisation in its
/// own scope, so every change is in that organisation's audit chain.
/// </summary>
public static class JointDrillDemo
{
    public const string Title = "금융권 합동 재해복구 전환훈련 (대외망 연계)";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        Guid bank, securities, fss;
        await using (var probe = services.CreateAsyncScope())
        {
            var organizations = await probe.ServiceProvider.GetRequiredService<FinCloudDbContext>().Organizations.AsNoTracking().ToListAsync(ct);
            if (organizations.FirstOrDefault(o => o.NameKo == "한빛은행") is not { } b || organizations.FirstOrDefault(o => o.NameKo == "새벽증권") is not { } s
                || organizations.FirstOrDefault(o => o.Kind == OrganizationKind.Fss) is not { } f)
            {
                return;
            }

            (bank, securities, fss) = (b.Id, s.Id, f.Id);
        }

        // The bank's latest executed drill in which a system missed its RTO: the joint drill is set around it.
        var bankDrill = await InAsync(services, bank, async db =>
        {
            var missed = await db.DrillSystemRuns.AsNoTracking().Where(r => !r.Met).Select(r => r.DrillId).Distinct().ToListAsync(ct);
            return (await db.ContinuityDrills.AsNoTracking().Where(d => missed.Contains(d.Id) && d.ExecutedOn != null).ToListAsync(ct))
                .OrderByDescending(d => d.ExecutedOn).FirstOrDefault();
        });
        if (bankDrill?.ExecutedOn is not { } day || await InAsync(services, fss, db => db.JointDrills.AnyAsync(ct)))
        {
            return;
        }

        var windowFrom = day.AddDays(-2);
        var windowTo = day.AddDays(2);
        var reportBy = windowTo.AddDays(14);
        await InAsync(services, fss, async db =>
        {
            var (drill, errors) = await JointDrills.ScheduleAsync(db, new JointDrillInput(Title,
                "주전산센터 화재로 대외 결제망·증권 시장망을 재해복구센터로 전환하고 금융결제원·한국거래소와 전환 후 거래를 확인",
                windowFrom, windowTo, reportBy, "금융결제원(KFTC), 한국거래소(KRX), 코스콤", null, [bank, securities]), ct);
            return drill ?? throw new InvalidOperationException("Demo joint drill not scheduled: " + string.Join("; ", errors.Values));
        });

        await SubmitAsync(services, bank, bankDrill.Id, "대외망 회선 절체 수동, 일부 시스템 RTO 미달성 (개선 과제 등록)",
            new DateTimeOffset(reportBy.AddDays(-3).ToDateTime(new TimeOnly(17, 0)), KoreanTime.Offset), ct);

        var securitiesDrill = await InAsync(services, securities, db => SecuritiesRegisterAsync(db, day, ct));
        await SubmitAsync(services, securities, securitiesDrill, null,
            new DateTimeOffset(reportBy.AddDays(4).ToDateTime(new TimeOnly(10, 0)), KoreanTime.Offset), ct);

        await InAsync(services, fss, db => JointDrills.ReceiveResultsAsync(db, ct));
    }

    /// <summary>A small register of the securities firm: one core process on two systems, switched over within the RTO.</summary>
    private static async Task<Guid> SecuritiesRegisterAsync(FinCloudDbContext db, DateOnly day, CancellationToken ct)
    {
        var site = await ContinuityRegister.AddSiteAsync(db, "과천 재해복구센터", DrSiteRole.DisasterRecovery, "경기 과천", "KT, SK브로드밴드", ct);
        var process = (await ContinuityRegister.SaveProcessAsync(db, null, new BusinessProcessInput("SEC-01", "주식 주문·체결", "증권IT부", 180, 0, true,
            "고객 주문 중단 시 대규모 손실과 시장 혼란", [new(TimeSpan.FromHours(1), 500_000_000, 5, 4, 4)]), ct)).Process!;
        var order = (await ContinuityRegister.SaveAssetAsync(db, null, new ItAssetInput("SEC-SYS-01", "주문 시스템", ItAssetKind.System, 120, DrMode.Hot, site.Id, 1m, true, 2, 2), ct)).Asset!;
        var quotes = (await ContinuityRegister.SaveAssetAsync(db, null, new ItAssetInput("SEC-SYS-02", "시세 수신 시스템", ItAssetKind.System, 120, DrMode.Hot, site.Id, 1m, true, 2, 2), ct)).Asset!;
        await ContinuityRegister.AddDependencyAsync(db, DependencyNodeKind.Process, process.Id, DependencyNodeKind.Asset, order.Id, ct);
        await ContinuityRegister.AddDependencyAsync(db, DependencyNodeKind.Process, process.Id, DependencyNodeKind.Asset, quotes.Id, ct);
        var drill = (await Drills.PlanAsync(db, new DrillPlanInput("합동 훈련 연계 재해복구 전환훈련", DrillKind.Switchover, "주전산센터 화재, 한국거래소 시장망 전환",
            day, [order.Id, quotes.Id], true), ct)).Drill!;
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(22, 0)), KoreanTime.Offset);
        await Drills.RecordExecutionAsync(db, drill.Id, new DrillExecutionInput(day, "시장망 전환 절차 v1", "전환 및 복귀 완료",
            [new(order.Id, start, start.AddMinutes(70), true, 6, 2), new(quotes.Id, start, start.AddMinutes(95), true, 5, 3)]), ct);
        return drill.Id;
    }

    private static async Task SubmitAsync(IServiceProvider services, Guid organizationId, Guid drillId, string? issues, DateTimeOffset submittedAt, CancellationToken ct) =>
        await InAsync(services, organizationId, async db =>
        {
            await JointDrills.ReceiveInvitationsAsync(db, ct);
            var invitation = await db.JointDrillParticipations.SingleAsync(p => p.Title == Title, ct);
            var (participation, errors) = await JointDrills.RecordResultAsync(db, invitation.Id, new JointDrillResultInput(true, drillId, issues), ct);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("Demo joint drill result not recorded: " + string.Join("; ", errors.Values));
            }

            // Submitted on the day the story says (on time for the bank, late for the firm), not on the seeding day.
            participation!.Submit(submittedAt);
            db.Audit(AuditEventType.JointDrillResultSubmitted, nameof(JointDrillParticipation), participation.Id, before: "Recorded",
                after: $"Submitted; joint-drill={participation.JointDrillId}; supervisor={participation.SupervisorOrganizationId}; demo seed");
            await db.SaveChangesAsync(ct);
            return participation.Id;
        });

    private static async Task<T> InAsync<T>(IServiceProvider services, Guid organizationId, Func<FinCloudDbContext, Task<T>> work)
    {
        // One scope per organisation: a scope acts for one tenant only.
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        db.Tenant.Enter(organizationId, null, ActorKind.System);
        return await work(db);
    }
}
