using FinCloud.Core;
using FinCloud.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Quartz;


namespace FinCloud.Web.Features.CloudUse;

/// <summary>
/// Removes what a crash left in the evidence store: temporary uploads and stored files that no row points to,
/// both only when older than an hour (a file is moved into place just before its row commits).
/// A file is referenced when any entity's <c>StorageKey</c> column names it: modules that store files follow that convention.
/// </summary>
public sealed partial class EvidenceSweep(EvidenceStore store, FinCloudDbContext db, TimeProvider clock, ILogger<EvidenceSweep> logger)
{
    public const string StorageKeyProperty = "StorageKey";

    public async Task<int> RunAsync(CancellationToken ct) => await RunAsync(clock.GetUtcNow(), ct);

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.FindProperty(StorageKeyProperty) is not { } property || entity.GetTableName() is not { } table)
            {
                continue;
            }

            // Every organisation's keys: the store is one folder for all of them. Names come from the model, not from input.
#pragma warning disable EF1002
            var keys = await db.Database.SqlQueryRaw<string>($"SELECT \"{property.GetColumnName()}\" AS \"Value\" FROM \"{table}\"").ToListAsync(ct);
#pragma warning restore EF1002
            known.UnionWith(keys.Select(k => k.Replace('/', Path.DirectorySeparatorChar)));
        }

        var removed = store.SweepOrphans(known, now);
        if (removed > 0)
        {
            LogRemoved(logger, removed);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evidence sweep removed {Count} orphan files")]
    private static partial void LogRemoved(ILogger logger, int count);
}

/// <summary>Runs <see cref="EvidenceSweep"/> every hour; clustered, so one instance sweeps the shared store.</summary>
[DisallowConcurrentExecution]
public sealed class EvidenceSweepJob(IServiceScopeFactory scopes, ILogger<EvidenceSweepJob> logger) : ScopedJob(scopes, logger)
{
    public static readonly JobKey Key = new("evidence-sweep", "cloud-use");
    public static readonly TriggerKey Hourly = new("evidence-sweep-hourly", "cloud-use");

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EvidenceSweep>().RunAsync(ct);

    public static IServiceCollection AddEvidenceSweep(IServiceCollection services) => services.AddScoped<EvidenceSweep>();

    /// <summary>Every hour at minute 17 (away from the top of the hour, when reminders and reports run).</summary>
    public static void Schedule(IQuartzBuilder q)
    {
        q.AddJob<EvidenceSweepJob>(j => j.WithIdentity(Key).StoreDurably());
        q.AddTrigger(t => t.ForJob(Key).WithIdentity(Hourly).WithCronSchedule("0 17 * * * ?"));
    }
}
