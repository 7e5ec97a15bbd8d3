using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Deadlines;
using FinCloud.Core.Tenancy;
using FinCloud.Documents;
using FinCloud.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Deadlines;

public sealed record DeadlineDto(
    string Key, string Title, string Category, DateOnly DueOn, string Link, Guid? AssigneeId, string? Basis,
    DeadlineStatus Status, int DaysLeft, int BusinessDaysLeft)
{
    public static DeadlineDto From(DeadlineRow r) =>
        new(r.Deadline.Key, r.Deadline.Title, r.Deadline.Category, r.Deadline.DueOn, r.Deadline.Link, r.Deadline.AssigneeId,
            r.Deadline.Basis, r.Status, r.DaysLeft, r.BusinessDaysLeft);
}

public static class DeadlinesApi
{
    public static RouteGroupBuilder MapDeadlineEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("deadlines").WithTags("Deadlines");
        group.MapGet("", ListAsync).ActsOnCallerOrganization("the caller's own deadlines from every module");
        return group;
    }

    /// <summary>Everything due, overdue first, then by date (KST).</summary>
    public static async Task<Ok<List<DeadlineDto>>> ListAsync(FinCloudDbContext db, DeadlineBoard board, CancellationToken ct) =>
        TypedResults.Ok((await board.RowsAsync(db, ct)).Select(DeadlineDto.From).ToList());

    /// <summary>The anonymous .ics address; the secret token in it is the credential.</summary>
    public static IEndpointConventionBuilder MapCalendarFeed(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/calendar/{token}.ics", CalendarAsync).AllowAnonymous().ExcludeFromDescription();

    public static async Task<Results<ContentHttpResult, NotFound>> CalendarAsync(string token, FinCloudDbContext db, DeadlineBoard board, CancellationToken ct)
    {
        if (token.Length != 64)
        {
            return TypedResults.NotFound();
        }

        var hash = CalendarFeed.Hash(token);
        var feed = await db.CalendarFeeds.AcrossTenants(AcrossTenantsReason.CalendarFeedToken).AsNoTracking()
            .SingleOrDefaultAsync(f => f.TokenHash == hash, ct);
        if (feed is not { IsActive: true })
        {
            return TypedResults.NotFound();
        }

        db.Tenant.Enter(feed.OrganizationId, feed.UserId, ActorKind.User);
        var mine = (await board.CollectAsync(db, ct)).Where(d => d.AssigneeId is null || d.AssigneeId == feed.UserId);
        var ics = IcsCalendar.Write("FinCloud 기한", mine.OrderBy(d => d.DueOn).Select(d => new IcsEvent(
            d.Key + "@fincloud", d.DueOn, d.Title, d.Basis, null)), db.Clock.GetUtcNow());
        return TypedResults.Content(ics, "text/calendar; charset=utf-8");
    }
}

/// <summary>Creating and revoking a user's calendar address (the page calls these; they are audited).</summary>
public static class CalendarFeeds
{
    /// <summary>Revokes the user's current address, if any, and issues a new one; returns the token once.</summary>
    public static async Task<string> IssueAsync(FinCloudDbContext db, Guid userId, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        await RevokeAllAsync(db, userId, now, ct);
        var (feed, token) = CalendarFeed.Create(userId, now);
        db.CalendarFeeds.Add(feed);
        db.Audit(AuditEventType.CalendarFeedCreated, nameof(CalendarFeed), feed.Id, after: "active");
        await db.SaveChangesAsync(ct);
        return token;
    }

    public static async Task<int> RevokeAsync(FinCloudDbContext db, Guid userId, CancellationToken ct)
    {
        var revoked = await RevokeAllAsync(db, userId, db.Clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return revoked;
    }

    public static Task<bool> HasActiveAsync(FinCloudDbContext db, Guid userId, CancellationToken ct) =>
        db.CalendarFeeds.AnyAsync(f => f.UserId == userId && f.RevokedAt == null, ct);

    private static async Task<int> RevokeAllAsync(FinCloudDbContext db, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var active = await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAt == null).ToListAsync(ct);
        foreach (var feed in active.Where(f => f.Revoke(now)))
        {
            db.Audit(AuditEventType.CalendarFeedRevoked, nameof(CalendarFeed), feed.Id, before: "active", after: "revoked");
        }

        return active.Count;
    }
}
