using FinCloud.Core.Persistence;
using Quartz;

namespace FinCloud.Web.Features.Deadlines;

/// <summary>
/// The base of every scheduled job: a scope per run, failures logged (the next run retries), and jobs never
/// overlap on one node. Clustering over the database keeps one firing to one node across instances.
/// </summary>
public abstract partial class ScopedJob(IServiceScopeFactory scopes, ILogger logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await RunAsync(scope.ServiceProvider, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, GetType().Name);
        }
    }

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed; it runs again at its next time")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);
}

/// <summary>Sends deadline reminders every morning at 09:00 KST.</summary>
[DisallowConcurrentExecution]
public sealed class DeadlineReminderJob(IServiceScopeFactory scopes, ILogger<DeadlineReminderJob> logger) : ScopedJob(scopes, logger)
{
    public static readonly JobKey Key = new("deadline-reminders", "deadlines");
    public static readonly TriggerKey Daily = new("deadline-reminders-daily", "deadlines");

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DeadlineReminders>().RunAsync(ct);
}

public static class JobHosting
{
    /// <summary>
    /// Quartz with its ADO.NET store in the app's own database (tables <c>qrtz_*</c>, created by Quartz's schema
    /// scripts at start-up when missing). On PostgreSQL the store is clustered, so two app instances fire each
    /// trigger once; SQLite, a single-machine database, is not (Quartz refuses it).
    /// <c>Jobs:Enabled=false</c> leaves the scheduler out (tests that drive jobs by hand).
    /// </summary>
    public static IServiceCollection AddFinCloudJobs(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        if (!configuration.GetValue("Jobs:Enabled", true))
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "FinCloud";
                o.GenerateInstanceId = true;   // one id per node: the cluster tells instances apart by it
            });
            q.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }

                store.UseSystemTextJsonSerializer();
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    // Quartz refuses clustering on SQLite (file locking); there, reminders stay single-send through
                    // their unique claim rows even if two instances fire.
                    store.UseClustering();
                }

                store.ProvisionSchema();
            });
            q.AddJob<DeadlineReminderJob>(j => j.WithIdentity(DeadlineReminderJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(DeadlineReminderJob.Key).WithIdentity(DeadlineReminderJob.Daily)
                .WithCronSchedule("0 0 9 * * ?", c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"))));
            CloudUse.EvidenceSweepJob.Schedule(q);
            Webhooks.WebhookDeliveryJob.Schedule(q, Webhooks.WebhookSettings.Read(configuration));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
