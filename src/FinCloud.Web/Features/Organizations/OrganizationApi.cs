using FinCloud.Core;
using FinCloud.Core.Identity;
using FinCloud.Core.Organizations;
using FinCloud.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Organizations;

/// <param name="RequiresTwoFactor">2단계 인증 필수: every member signs in with an authenticator code.</param>
public sealed record OrganizationDto(Guid Id, string NameKo, string NameEn, OrganizationKind Kind, InstitutionSector? Sector, bool RequiresTwoFactor);

/// <param name="TwoFactorEnabled">The member signs in with an authenticator code.</param>
public sealed record MemberDto(Guid MembershipId, Guid UserId, string DisplayName, OrganizationRole Role, bool TwoFactorEnabled);

public static class OrganizationApi
{
    public static RouteGroupBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("organization").WithTags("Organisation");
        group.MapGet("", GetCurrentAsync).ActsOnCallerOrganization("the caller's own organisation");
        group.MapGet("members", ListMembersAsync).ActsOnCallerOrganization("members of the caller's organisation");
        group.MapMemberEndpoints();
        return group;
    }

    public static async Task<Results<Ok<OrganizationDto>, NotFound>> GetCurrentAsync(FinCloudDbContext db, CancellationToken ct)
    {
        var id = db.Tenant.RequireOrganization();
        var o = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        return o is null ? TypedResults.NotFound() : TypedResults.Ok(new OrganizationDto(o.Id, o.NameKo, o.NameEn, o.Kind, o.Sector, o.RequiresTwoFactor));
    }

    public static async Task<Ok<List<MemberDto>>> ListMembersAsync(FinCloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await MembersQuery(db).ToListAsync(ct));

    /// <summary>One row per membership of the caller's organisation (of one person when given), with the person's name and second factor.</summary>
    public static IQueryable<MemberDto> MembersQuery(FinCloudDbContext db, Guid? userId = null) =>
        db.Memberships.AsNoTracking().Where(m => userId == null || m.UserId == userId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberDto(m.Id, u.Id, u.DisplayName, m.Role, u.TwoFactorEnabled));
}
