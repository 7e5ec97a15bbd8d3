using FinCloud.Core;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.FsiEvaluations;
using FinCloud.Core.Tenancy;
using FinCloud.Rules;
using FinCloud.Rules.CloudUse;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Exchange;

/// <summary>
/// The FSI's 대표평가 in the demo (<c>Demo:Activity</c>): a published result (충족) for 가상클라우드's 가상서버 that every
/// institution sees under CSP 평가 and can reuse for its own service, with one unmet item and its 보완 기한, and a
/// periodic evaluation of 한울클라우드 still in draft.
/// </summary>
public static class FsiEvaluationDemo
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        db.Tenant.Enter(await db.Organizations.Where(o => o.NameKo == "금융보안원").Select(o => o.Id).SingleAsync(ct), null, ActorKind.System);
        var today = KoreanTime.Today(db.Clock);
        var items = FsiResults.CatalogueInForce(today).Items.Where(i => i.ServiceModels.Contains(ServiceModel.Iaas)).Take(6).ToList();

        var published = await FsiResults.PlanAsync(db, "가상클라우드", "가상서버", ServiceModel.Iaas, FsiEvaluationType.Comprehensive, null, ct);
        foreach (var item in items)
        {
            var unmet = item == items[^1];
            await FsiResults.RecordItemAsync(db, published.Id, item.Id, unmet ? ItemOutcome.NotMet : ItemOutcome.Met,
                unmet ? "재해복구 전환 훈련 결과 보고서 미제출" : null, unmet ? today.AddMonths(3) : null, ct);
        }

        await FsiResults.PublishAsync(db, published.Id, FsiVerdict.Satisfied, today.AddDays(-14), today.AddYears(1).AddDays(-14), ct);

        var draft = await FsiResults.PlanAsync(db, "한울클라우드", "웹 호스팅", ServiceModel.Paas, FsiEvaluationType.Periodic, null, ct);
        await FsiResults.RecordItemAsync(db, draft.Id, items[0].Id, ItemOutcome.Met, null, null, ct);
    }
}
