using System.ComponentModel.DataAnnotations;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.Webhooks;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Webhooks;

/// <param name="Areas">Areas whose events are sent (GET /api/webhooks/areas); null or absent: every area.</param>
/// <param name="IsActive">False pauses the endpoint; events of the paused time are not sent later.</param>
public sealed record SaveWebhookRequest(
    [property: Required, StringLength(WebhookEndpoint.MaxUrlLength)] string Url,
    [property: StringLength(200)] string? Description = null,
    IReadOnlyList<string>? Areas = null,
    bool IsActive = true);

public sealed record WebhookDto(Guid Id, string Url, string Description, IReadOnlyList<string>? Areas, bool IsActive, DateTimeOffset CreatedAt, long QueuedThrough)
{
    public static WebhookDto From(WebhookEndpoint w) => new(w.Id, w.Url, w.Description, w.AreaList, w.IsActive, w.CreatedAt, w.QueuedThrough);
}

/// <summary>The signing secret appears only here (creation, rotation); it is kept encrypted.</summary>
public sealed record WebhookSecretDto(WebhookDto Webhook, string Secret);

public sealed record WebhookDeliveryDto(
    Guid Id, string MessageId, string EventType, long? AuditSequence, WebhookDeliveryStatus Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, int? LastStatusCode, string? LastError)
{
    public static WebhookDeliveryDto From(WebhookDelivery d) =>
        new(d.Id, d.MessageId, d.EventType, d.AuditSequence, d.Status, d.Attempts, d.CreatedAt, d.LastAttemptAt,
            d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.LastStatusCode, d.LastError);
}

/// <summary>
/// 웹훅 API (administrators): endpoints that receive the organisation's audit events, their secrets, a test message and
/// the delivery log with 재전송. The page /admin/webhooks calls the same handlers.
/// </summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Administrator);
        group.MapGet("", ListAsync).ActsOnCallerOrganization("webhooks of the caller's organisation");
        group.MapPost("", CreateAsync).ActsOnCallerOrganization("creates a webhook for the caller's organisation")
            .WithExampleRequest(new SaveWebhookRequest("https://tickets.example/hooks/fincloud", "티켓 시스템", ["cloud-use", "continuity"]));
        group.MapGet("areas", () => TypedResults.Ok(WebhookEvents.Areas)).TenantFree("the event areas FinCloud knows")
            .WithDescription("Every area a webhook can ask for; an event's type is <area>.<event>.");
        group.MapGet("{webhookId:guid}", GetAsync);
        group.MapPut("{webhookId:guid}", UpdateAsync)
            .WithExampleRequest(new SaveWebhookRequest("https://tickets.example/hooks/fincloud", "티켓 시스템", null, IsActive: false));
        group.MapDelete("{webhookId:guid}", DeleteAsync);
        group.MapPost("{webhookId:guid}/secret", RotateSecretAsync)
            .WithDescription("Replaces the signing secret. The old one signs beside the new one for 24 hours (both in webhook-signature), or stops at once with ?overlap=false.");
        group.MapPost("{webhookId:guid}/test", TestAsync).WithDescription("Sends a webhook.test message now and answers with its delivery.");
        group.MapGet("{webhookId:guid}/deliveries", DeliveriesAsync).WithDescription("Newest first; ?status=pending|succeeded|failed.");
        group.MapPost("{webhookId:guid}/deliveries/{deliveryId:guid}/retry", RetryAsync).WithDescription("Sends the delivery again at the next run, with fresh retries.");
        return group;
    }

    public static async Task<Ok<List<WebhookDto>>> ListAsync(FinCloudDbContext db, CancellationToken ct)
    {
        // SQLite cannot order by DateTimeOffset: sort the (short) list here.
        var endpoints = await db.WebhookEndpoints.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(endpoints.OrderBy(w => w.CreatedAt).Select(WebhookDto.From).ToList());
    }

    public static async Task<Results<Ok<WebhookDto>, NotFound>> GetAsync(Guid webhookId, FinCloudDbContext db, CancellationToken ct) =>
        await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(w => w.Id == webhookId, ct) is { } w
            ? TypedResults.Ok(WebhookDto.From(w))
            : TypedResults.NotFound();

    public static async Task<Results<Created<WebhookSecretDto>, ValidationProblem>> CreateAsync(
        SaveWebhookRequest request, FinCloudDbContext db, WebhookSettings settings, WebhookSecrets secrets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Problems(request, settings) is { } problems)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var secret = WebhookSignature.NewSecret();
        var endpoint = WebhookEndpoint.Create(request.Url.Trim(), request.Description?.Trim() ?? "", request.Areas, secrets.Protect(secret),
            await AuditHeadAsync(db, ct), db.Clock.GetUtcNow());
        db.WebhookEndpoints.Add(endpoint);
        db.Audit(AuditEventType.WebhookEndpointCreated, nameof(WebhookEndpoint), endpoint.Id, after: endpoint.Describe());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/webhooks/{endpoint.Id}", new WebhookSecretDto(WebhookDto.From(endpoint), secret));
    }

    public static async Task<Results<Ok<WebhookDto>, NotFound, ValidationProblem>> UpdateAsync(
        Guid webhookId, SaveWebhookRequest request, FinCloudDbContext db, WebhookSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(w => w.Id == webhookId, ct);
        if (endpoint is null)
        {
            return TypedResults.NotFound();
        }

        if (Problems(request, settings) is { } problems)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var before = endpoint.Describe();
        endpoint.Update(request.Url.Trim(), request.Description?.Trim() ?? "", request.Areas, request.IsActive, await AuditHeadAsync(db, ct));
        if (endpoint.Describe() != before)
        {
            db.Audit(AuditEventType.WebhookEndpointUpdated, nameof(WebhookEndpoint), endpoint.Id, before, endpoint.Describe());
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WebhookDto.From(endpoint));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid webhookId, FinCloudDbContext db, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(w => w.Id == webhookId, ct);
        if (endpoint is null)
        {
            return TypedResults.NotFound();
        }

        db.WebhookDeliveries.RemoveRange(await db.WebhookDeliveries.Where(d => d.EndpointId == webhookId).ToListAsync(ct));
        db.WebhookEndpoints.Remove(endpoint);
        db.Audit(AuditEventType.WebhookEndpointDeleted, nameof(WebhookEndpoint), endpoint.Id, endpoint.Describe(), "deleted");
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<WebhookSecretDto>, NotFound>> RotateSecretAsync(Guid webhookId, bool? overlap, FinCloudDbContext db, WebhookSecrets secrets, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(w => w.Id == webhookId, ct);
        if (endpoint is null)
        {
            return TypedResults.NotFound();
        }

        var secret = WebhookSignature.NewSecret();
        var keepOld = overlap ?? true;
        endpoint.ReplaceSecret(secrets.Protect(secret), db.Clock.GetUtcNow(), keepOld);
        db.Audit(AuditEventType.WebhookSecretRotated, nameof(WebhookEndpoint), endpoint.Id,
            after: keepOld ? $"secret replaced; old one signs until {endpoint.PreviousSecretUntil:O}" : "secret replaced; old one stopped");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new WebhookSecretDto(WebhookDto.From(endpoint), secret));
    }

    public static async Task<Results<Ok<WebhookDeliveryDto>, NotFound>> TestAsync(Guid webhookId, FinCloudDbContext db, WebhookSender sender, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(w => w.Id == webhookId, ct);
        if (endpoint is null)
        {
            return TypedResults.NotFound();
        }

        var delivery = WebhookDelivery.ForTest(endpoint, db.Clock.GetUtcNow());
        db.WebhookDeliveries.Add(delivery);
        await sender.SendAsync(db, endpoint, delivery, null, ct);
        db.Audit(AuditEventType.WebhookTestSent, nameof(WebhookDelivery), delivery.Id,
            after: delivery.Status == WebhookDeliveryStatus.Succeeded ? $"HTTP {delivery.LastStatusCode}" : $"failed: {delivery.LastError}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WebhookDeliveryDto.From(delivery));
    }

    public static async Task<Results<Ok<List<WebhookDeliveryDto>>, NotFound, ValidationProblem>> DeliveriesAsync(
        Guid webhookId, string? status, HttpContext http, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!await db.WebhookEndpoints.AnyAsync(w => w.Id == webhookId, ct))
        {
            return TypedResults.NotFound();
        }

        var query = DeliveriesOf(db, webhookId);
        if (status is { Length: > 0 })
        {
            if (!Enum.TryParse<WebhookDeliveryStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["One of pending, succeeded, failed."] });
            }

            query = query.Where(d => d.Status == s);
        }

        var (page, pageSize, _) = ApiPaging.Read(http.Request.Query);
        ApiPaging.SetTotal(http, await query.CountAsync(ct), page, pageSize);
        var deliveries = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(deliveries.Select(WebhookDeliveryDto.From).ToList());
    }

    public static async Task<Results<Ok<WebhookDeliveryDto>, NotFound>> RetryAsync(Guid webhookId, Guid deliveryId, FinCloudDbContext db, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == webhookId, ct);
        if (delivery is null)
        {
            return TypedResults.NotFound();
        }

        var before = delivery.Status.ToString();
        delivery.Retry(db.Clock.GetUtcNow());
        db.Audit(AuditEventType.WebhookRedeliveryRequested, nameof(WebhookDelivery), delivery.Id, before, $"pending ({delivery.MessageId})");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WebhookDeliveryDto.From(delivery));
    }

    /// <summary>An endpoint's deliveries, newest first (ids are time-ordered), for the API's pages and the page's log.</summary>
    public static IQueryable<WebhookDelivery> DeliveriesOf(FinCloudDbContext db, Guid webhookId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == webhookId).OrderByDescending(d => d.Id);
    }

    /// <summary>The problems of a request, by field, or null.</summary>
    public static Dictionary<string, string[]>? Problems(SaveWebhookRequest request, WebhookSettings settings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new Dictionary<string, string[]>();
        if (settings.Problem(request.Url?.Trim()) is { } url)
        {
            problems["url"] = [url switch
            {
                WebhookUrlProblem.Missing => "Give the receiver's address (https://…).",
                WebhookUrlProblem.TooLong => $"The address is longer than {WebhookEndpoint.MaxUrlLength} characters.",
                WebhookUrlProblem.NotAnAddress => "Not an absolute http(s) address (https://host/path).",
                WebhookUrlProblem.NotHttps => "Only https:// addresses: events leave FinCloud encrypted.",
                _ => "No user name, password or #fragment in the address: the signature authenticates FinCloud.",
            }];
        }

        if (request.Areas is { } areas)
        {
            var unknown = areas.Where(a => !WebhookEvents.Areas.Contains(a)).ToList();
            if (areas.Count == 0 || unknown.Count > 0)
            {
                problems["areas"] = unknown.Count > 0
                    ? [$"Unknown area(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", WebhookEvents.Areas)}."]
                    : ["Give at least one area, or none for every area."];
            }
        }

        return problems.Count > 0 ? problems : null;
    }

    /// <summary>The sequence of the organisation's newest audit event (0 when none): a new endpoint starts after it.</summary>
    private static async Task<long> AuditHeadAsync(FinCloudDbContext db, CancellationToken ct) =>
        await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
}
