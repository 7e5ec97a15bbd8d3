using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.Webhooks;
using FinCloud.Core.Tenancy;
using FinCloud.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace FinCloud.Web.Features.Webhooks;

/// <summary>What one dispatcher run did, for logs and tests.</summary>
public sealed record WebhookRunResult(int Queued, int Delivered, int Failed);

/// <summary>
/// Follows each active endpoint along its organisation's audit chain, queues a delivery for each event of the areas it
/// asked for, and sends the deliveries that are due, oldest event first. An endpoint that fails is left for the
/// next run (its later deliveries wait with it), so one dead receiver costs one timeout a run, not one per event.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes)
{
    /// <summary>Audit events looked at per organisation and run.</summary>
    public const int QueueBatch = 500;

    public async Task<WebhookRunResult> RunAsync(CancellationToken ct)
    {
        List<Guid> organizations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
            organizations = await db.WebhookEndpoints.AcrossTenants(AcrossTenantsReason.ScheduledJob)
                .Where(w => w.IsActive).Select(w => w.OrganizationId).Distinct().ToListAsync(ct);
        }

        int queued = 0, delivered = 0, failed = 0;
        foreach (var organizationId in organizations)
        {
            // One scope per organisation: a scope acts for one organisation only.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FinCloudDbContext>();
            db.Tenant.Enter(organizationId, null, ActorKind.System);
            var endpoints = await db.WebhookEndpoints.Where(w => w.IsActive).ToListAsync(ct);
            queued += await QueueAsync(db, endpoints, ct);
            var (d, f) = await SendDueAsync(db, endpoints, scope.ServiceProvider.GetRequiredService<WebhookSender>(), ct);
            delivered += d;
            failed += f;
        }

        return new WebhookRunResult(queued, delivered, failed);
    }

    private static async Task<int> QueueAsync(FinCloudDbContext db, List<WebhookEndpoint> endpoints, CancellationToken ct)
    {
        var from = endpoints.Min(w => w.QueuedThrough);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > from).OrderBy(e => e.Sequence).Take(QueueBatch).ToListAsync(ct);
        if (events.Count == 0)
        {
            return 0;
        }

        var now = db.Clock.GetUtcNow();
        var queued = 0;
        foreach (var endpoint in endpoints)
        {
            foreach (var e in events.Where(e => e.Sequence > endpoint.QueuedThrough && endpoint.Wants(e.Type)))
            {
                db.WebhookDeliveries.Add(WebhookDelivery.ForEvent(endpoint, e, now));
                queued++;
            }

            endpoint.MarkQueuedThrough(events[^1].Sequence);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return queued;
        }
        catch (DbUpdateException)
        {
            // The unique (endpoint, event) index refused a copy another dispatcher queued first: this batch is its.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private static async Task<(int Delivered, int Failed)> SendDueAsync(FinCloudDbContext db, List<WebhookEndpoint> active, WebhookSender sender, CancellationToken ct)
    {
        var endpoints = active.ToDictionary(w => w.Id);
        var now = db.Clock.GetUtcNow();
        // Instants compare in memory: SQLite cannot compare DateTimeOffset columns, and pending deliveries are few.
        var due = (await db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending).ToListAsync(ct))
            .Where(d => d.IsDue(now) && endpoints.ContainsKey(d.EndpointId))
            .OrderBy(d => d.AuditSequence ?? long.MaxValue).ThenBy(d => d.Id)
            .ToList();
        // The events of every due delivery in one query, not one per delivery.
        var eventIds = due.Select(d => d.AuditEventId).OfType<Guid>().Distinct().ToList();
        var events = await db.AuditEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        int delivered = 0, failed = 0;
        foreach (var deliveries in due.GroupBy(d => d.EndpointId))
        {
            foreach (var delivery in deliveries)
            {
                var ok = await sender.SendAsync(db, endpoints[deliveries.Key], delivery,
                    delivery.AuditEventId is { } id ? events.GetValueOrDefault(id) : null, ct);
                await db.SaveChangesAsync(ct);
                if (!ok)
                {
                    failed++;
                    break;
                }

                delivered++;
            }
        }

        return (delivered, failed);
    }
}

/// <summary>Runs the dispatcher every <see cref="WebhookSettings.IntervalSeconds"/>.</summary>
[DisallowConcurrentExecution]
public sealed class WebhookDeliveryJob(IServiceScopeFactory scopes, ILogger<WebhookDeliveryJob> logger) : ScopedJob(scopes, logger)
{
    public static readonly JobKey Key = new("webhook-deliveries", "webhooks");
    public static readonly TriggerKey Every = new("webhook-deliveries-every", "webhooks");

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<WebhookDispatcher>().RunAsync(ct);

    public static void Schedule(IQuartzBuilder q, WebhookSettings settings)
    {
        q.AddJob<WebhookDeliveryJob>(j => j.WithIdentity(Key).StoreDurably());
        if (settings.IntervalSeconds > 0)
        {
            q.AddTrigger(t => t.ForJob(Key).WithIdentity(Every).WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(settings.IntervalSeconds)).RepeatForever()));
        }
    }
}

public static class WebhookHosting
{
    public static IServiceCollection AddFinCloudWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = WebhookSettings.Read(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHttpClient(WebhookSender.HttpClientName, c =>
            {
                c.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
                c.DefaultRequestHeaders.UserAgent.ParseAdd("FinCloud-Webhooks/1");
            })
            // A receiver's redirect is not followed: the signed message goes only where the administrator said.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) });
        return services;
    }
}
