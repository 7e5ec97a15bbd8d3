using FinCloud.Web.Features.Deadlines;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FinCloud.Web.Tests.Deadlines;

public sealed class SchedulerTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Two_instances_share_one_persistent_schedule_clustered_on_postgres(string provider)
    {
        await using var app = await FinCloudApp.StartAsync(provider);
        await using var second = FinCloudApp.Start(app);

        var ct = TestContext.Current.CancellationToken;
        var schedulers = new List<IScheduler>();
        foreach (var instance in new[] { app, second })
        {
            var scheduler = await instance.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
            schedulers.Add(scheduler);
            var meta = await scheduler.GetMetadata(ct);
            meta.JobStoreClustered.ShouldBe(provider == Databases.Postgres);
            meta.JobStorePersistent.ShouldBeTrue();
            (await scheduler.Exists(DeadlineReminderJob.Key, ct)).ShouldBeTrue();
            var trigger = (await scheduler.GetTrigger(DeadlineReminderJob.Daily, ct)).ShouldNotBeNull();
            var next = trigger.NextFireTimeUtc!.Value.ToOffset(TimeSpan.FromHours(9));
            next.Hour.ShouldBe(9);   // 09:00 in Seoul
        }

        if (provider == Databases.Postgres)
        {
            schedulers[0].SchedulerInstanceId.ShouldNotBe(schedulers[1].SchedulerInstanceId);
            // Each node checks in on its own timer: give the second one time to appear.
            var nodes = await schedulers[0].QueryClusterNodes(ct);
            for (var attempt = 0; attempt < 60 && nodes.Count < 2; attempt++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                nodes = await schedulers[0].QueryClusterNodes(ct);
            }

            nodes.Count.ShouldBe(2);
        }
    }
}
