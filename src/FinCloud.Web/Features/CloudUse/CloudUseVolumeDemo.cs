using System.Globalization;
using System.Text;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Tenancy;
using FinCloud.Rules;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.CloudUse;

/// <summary>
/// A large institution's volume of cloud-use work for measuring list pages (docs/performance.md): cases spread
/// over the demo bank's services, each with evidence rows. Off unless <c>Demo:Volume:Cases</c> is set; runs
/// once, on the first start of an empty database, after the ordinary demo data.
/// </summary>
public static class CloudUseVolumeDemo
{
    private const int Batch = 100;

    public static async Task SeedAsync(IServiceProvider services, Guid organizationId, int cases, int evidencePerCase, CancellationToken ct)
    {
        if (cases <= 0)
        {
            return;
        }

        var store = services.GetRequiredService<EvidenceStore>();
        var serviceIds = await InScopeAsync(services, organizationId, db => db.CloudServices.Select(s => s.Id).ToListAsync(ct));
        var today = await InScopeAsync(services, organizationId, db => Task.FromResult(KoreanTime.Today(db.Clock)));
        for (var start = 0; start < cases; start += Batch)
        {
            await InScopeAsync(services, organizationId, async db =>
            {
                for (var i = start; i < Math.Min(cases, start + Batch); i++)
                {
                    // Every third case handles personal credit information (material); signing dates spread over a year.
                    var facts = new CaseFacts(i % 7 == 0, i % 3 == 0, false, null, today.AddDays(i % 365 - 200), today.AddDays(i % 365 - 170));
                    var title = string.Create(CultureInfo.InvariantCulture, $"업무 {i + 1:D4} 클라우드 이용");
                    var outcome = (await CaseDecisions.DecideAsync(db, title, serviceIds[i % serviceIds.Count], facts, [], null, ct))!;
                    var now = db.Clock.GetUtcNow();
                    var c = CloudUseCase.Open(title, serviceIds[i % serviceIds.Count], outcome.Scenario, outcome.Decision, outcome.Plan, null, now);
                    db.CloudUseCases.Add(c);
                    db.Audit(AuditEventType.CloudUseCaseOpened, nameof(CloudUseCase), c.Id, after: $"version=1; regime={c.RegimeId}; material={c.IsMaterial}");
                    await AddEvidenceAsync(db, store, organizationId, c, evidencePerCase, ct);
                }

                await db.SaveChangesAsync(ct);
                return 0;
            });
        }
    }

    /// <summary>One stored file per case, recorded as numbered pieces of evidence attached to the case's tasks.</summary>
    private static async Task AddEvidenceAsync(FinCloudDbContext db, EvidenceStore store, Guid organizationId, CloudUseCase c, int count, CancellationToken ct)
    {
        if (count <= 0)
        {
            return;
        }

        using var content = new MemoryStream(Encoding.UTF8.GetBytes($"{c.Title} 증빙 자료 (데모)\n"));
        var staged = await store.StageAsync(content, "evidence.txt", ct);
        var fileId = Guid.CreateVersion7();
        var key = store.Commit(staged, organizationId, c.Id, fileId);
        var tasks = c.Tasks.ToList();
        for (var n = 0; n < count; n++)
        {
            var id = n == 0 ? fileId : Guid.CreateVersion7();
            db.EvidenceFiles.Add(EvidenceFile.Record(id, c.Id, tasks[n % tasks.Count].Id, $"증빙 {n + 1:D2}", 1,
                $"evidence-{n + 1:D2}.txt", staged.ContentType, staged.Size, staged.Sha256, key, null, db.Clock.GetUtcNow()));
        }
    }

    private static async Task<T> InScopeAsync<T>(IServiceProvider services, Guid organizationId, Func<FinCloudDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
        db.Tenant.Enter(organizationId, null, ActorKind.System);
        return await work(db);
    }
}
