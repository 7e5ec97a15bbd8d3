using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Tenancy;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Audit;

public sealed record AuditEventDto(
    Guid Id, long Sequence, AuditEventType Type, ActorKind ActorKind, Guid? ActorId, DateTimeOffset OccurredAt,
    string? EntityType, string? EntityId, string? Before, string? After, string Hash)
{
    public static AuditEventDto From(AuditEvent e) =>
        new(e.Id, e.Sequence, e.Type, e.ActorKind, e.ActorId, e.OccurredAt, e.EntityType, e.EntityId, e.Before, e.After, e.Hash);
}

public sealed record AuditVerificationDto(bool Intact, long VerifiedEvents, BrokenLink? FirstBrokenLink);

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("audit").WithTags("Audit trail");
        group.MapGet("events", ListAsync).ActsOnCallerOrganization("the caller's own audit trail");
        group.MapGet("events/{eventId:guid}", GetAsync);
        group.MapPost("verify", VerifyAsync).RequireAuthorization(Policies.Administrator)
            .ActsOnCallerOrganization("verifies the caller's own chain");
        return group;
    }

    /// <summary>Newest first; <paramref name="before"/> pages back by sequence.</summary>
    public static async Task<Ok<List<AuditEventDto>>> ListAsync(FinCloudDbContext db, long? before, int? take, CancellationToken ct)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (before is { } b)
        {
            query = query.Where(e => e.Sequence < b);
        }

        var events = await query.OrderByDescending(e => e.Sequence).Take(Math.Clamp(take ?? 50, 1, 500)).ToListAsync(ct);
        return TypedResults.Ok(events.Select(AuditEventDto.From).ToList());
    }

    public static async Task<Results<Ok<AuditEventDto>, NotFound>> GetAsync(Guid eventId, FinCloudDbContext db, CancellationToken ct)
    {
        var e = await db.AuditEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, ct);
        return e is null ? TypedResults.NotFound() : TypedResults.Ok(AuditEventDto.From(e));
    }

    public static async Task<Ok<AuditVerificationDto>> VerifyAsync(FinCloudDbContext db, CancellationToken ct)
    {
        var result = await AuditChain.VerifyAsync(db, ct);
        return TypedResults.Ok(new AuditVerificationDto(result.IsIntact, result.VerifiedEvents, result.FirstBrokenLink));
    }
}
