using System.Collections.Concurrent;
using System.Net;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FinCloud.Web.Tests.Reliability;

/// <summary>
/// The production shape: N app instances on one PostgreSQL, each with its own local data folder. Data-protection keys
/// live in the database, so a session signed in on one instance is valid on the other and after a restart.
/// </summary>
public sealed class MultiInstanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Another instance on the same database with its own, empty data folder (nothing shared on disk).</summary>
    private static FinCloudApp Sibling(FinCloudApp app) =>
        FinCloudApp.Start(FinCloudApp.Describe(app.Provider, app.ConnectionString, Directory.CreateTempSubdirectory("fincloud-node-").FullName), app.DemoPassword);

    /// <summary>Sends a request of one instance's client (its cookies) to another instance.</summary>
    private static async Task<HttpResponseMessage> SendWithCookiesAsync(FinCloudApp target, IEnumerable<string> cookies, string path)
    {
        using var client = target.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(request, Ct);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_session_signed_in_on_one_instance_works_on_another_and_after_a_restart(string provider)
    {
        await using var first = await FinCloudApp.StartAsync(provider);
        var second = Sibling(first);
        try
        {
            using var browser = first.Browser();
            using var signedIn = await browser.SignInAsync("officer@hanbit.example", first.DemoPassword);
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var cookies = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
            cookies.ShouldContain(c => c.StartsWith("FinCloud.Auth=", StringComparison.Ordinal));

            using (var onSecond = await SendWithCookiesAsync(second, cookies, "/deadlines"))
            {
                onSecond.StatusCode.ShouldBe(HttpStatusCode.OK, "the second instance reads the first one's cookie");
            }

            // The second instance goes down and a fresh one (new process state, new local folder) takes its place.
            await second.DisposeAsync();
            second = Sibling(first);
            using var afterRestart = await SendWithCookiesAsync(second, cookies, "/deadlines");
            afterRestart.StatusCode.ShouldBe(HttpStatusCode.OK, "the session survives an instance restart");
            (await first.WithDbAsync(db => Task.FromResult(db.DataProtectionKeys.Count()))).ShouldBe(1, "both instances use one key");
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    /// <summary>Counts executions across instances; the job type is found by name in the shared store by either node.</summary>
    public sealed class CountingJob : IJob
    {
        public static readonly ConcurrentDictionary<string, ConcurrentBag<string>> Runs = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Runs.GetOrAdd(context.JobDetail.Key.Group, _ => []).Add(context.Scheduler.SchedulerInstanceId);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>On PostgreSQL two clustered instances; SQLite (one machine, Quartz refuses to cluster it) runs one instance.</summary>
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Each_scheduled_job_fires_once_across_instances(string provider)
    {
        await using var first = await FinCloudApp.StartAsync(provider);
        await using var second = provider == Databases.Postgres ? Sibling(first) : null;
        var schedulers = new List<IScheduler> { await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct) };
        if (second is not null)
        {
            schedulers.Add(await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct));
            // Each node checks in to the cluster shortly after it starts.
            for (var i = 0; i < 80 && (await schedulers[0].QueryClusterNodes(Ct)).Count < 2; i++)
            {
                await Task.Delay(250, Ct);
            }

            (await schedulers[0].QueryClusterNodes(Ct)).Count.ShouldBe(2);
        }

        var group = "test-" + Guid.NewGuid().ToString("N");
        const int jobs = 12;
        for (var i = 0; i < jobs; i++)
        {
            // Half scheduled through each instance; all due at once.
            var job = JobBuilder.Create<CountingJob>().WithIdentity("count-" + i, group).Build();
            var trigger = TriggerBuilder.Create().WithIdentity("count-" + i, group).StartAt(TimeProvider.System.GetUtcNow().AddSeconds(1)).Build();
            await schedulers[i % schedulers.Count].ScheduleJob(job, trigger, cancellationToken: Ct);
        }

        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (CountingJob.Runs.GetValueOrDefault(group)?.Count < jobs && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(250, Ct);
        }

        // Give a duplicate firing time to show up before counting.
        await Task.Delay(3000, Ct);
        CountingJob.Runs[group].Count.ShouldBe(jobs);
    }
}
