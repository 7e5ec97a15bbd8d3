using System.ComponentModel.DataAnnotations;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Persistence;
using FinCloud.Web.Api;
using FinCloud.Web.Features.Deadlines;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Organizations;

public sealed record InviteRequest(
    [property: Required, EmailAddress, StringLength(256)] string Email,
    [property: Required, StringLength(Invitation.MaxNameLength, MinimumLength = 1)] string DisplayName,
    [property: Required, MinLength(1)] IReadOnlyList<OrganizationRole> Roles);

public sealed record InvitationDto(Guid Id, string Email, string DisplayName, IReadOnlyList<OrganizationRole> Roles, InvitationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static InvitationDto From(Invitation i, DateTimeOffset now) => new(i.Id, i.Email, i.DisplayName, i.Roles, i.StatusAt(now), i.CreatedAt, i.ExpiresAt);
}

/// <summary>The link appears only in this response and in the e-mail; only its hash is stored.</summary>
public sealed record CreatedInvitationDto(InvitationDto Invitation, string Link);

public sealed record RolesRequest([property: Required, MinLength(1)] IReadOnlyList<OrganizationRole> Roles);

/// <summary>
/// 구성원 관리: administrators invite people by e-mail, change members' roles and remove members. Every change is
/// audited; an organisation always keeps an administrator, and no one removes themselves.
/// </summary>
public static class MembersApi
{
    public static void MapMemberEndpoints(this RouteGroupBuilder organization)
    {
        var invitations = organization.MapGroup("invitations").RequireAuthorization(Policies.Administrator);
        invitations.MapGet("", ListInvitationsAsync).ActsOnCallerOrganization("invitations of the caller's organisation");
        invitations.MapPost("", InviteAsync).ActsOnCallerOrganization("invites a person into the caller's organisation")
            .WithExampleRequest(new InviteRequest("new.officer@bank.example", "김담당", [OrganizationRole.Officer]));
        invitations.MapDelete("{invitationId:guid}", RevokeInvitationAsync);
        invitations.MapPost("{invitationId:guid}/resend", SendAgainAsync);

        var members = organization.MapGroup("members").RequireAuthorization(Policies.Administrator);
        members.MapPut("{userId:guid}/roles", ChangeRolesAsync).WithExampleRequest(new RolesRequest([OrganizationRole.Officer, OrganizationRole.CommitteeMember]));
        members.MapDelete("{userId:guid}", RemoveAsync);
    }

    public static async Task<Ok<List<InvitationDto>>> ListInvitationsAsync(FinCloudDbContext db, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var all = await db.Invitations.AsNoTracking().ToListAsync(ct);
        // Pending first, newest first; SQLite cannot order by DateTimeOffset, and the list is short.
        return TypedResults.Ok(all.Select(i => InvitationDto.From(i, now))
            .OrderBy(i => i.Status != InvitationStatus.Pending).ThenByDescending(i => i.CreatedAt).ToList());
    }

    public static Task<Results<Created<CreatedInvitationDto>, ValidationProblem>> InviteAsync(
        InviteRequest request, FinCloudDbContext db, IMailSender mail, IConfiguration configuration, HttpRequest http, CancellationToken ct) =>
        SendInvitationAsync(request, db, mail, BaseUrl(configuration, http), ct);

    /// <param name="baseUrl">Where the app is reached, for the link (<c>App:BaseUrl</c>, else the request's own address).</param>
    public static async Task<Results<Created<CreatedInvitationDto>, ValidationProblem>> SendInvitationAsync(
        InviteRequest request, FinCloudDbContext db, IMailSender mail, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = (request.Email ?? "").Trim().ToLowerInvariant();
        var normalized = email.ToUpperInvariant();
        var errors = new Dictionary<string, string[]>();
        if (!new EmailAddressAttribute().IsValid(email) || email.Length is 0 or > 256)
        {
            errors["email"] = ["올바른 이메일 주소를 입력하세요. (Enter a valid e-mail address.)"];
        }
        else if (await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.NormalizedEmail).AnyAsync(e => e == normalized, ct))
        {
            errors["email"] = ["이미 이 기관의 구성원입니다. (Already a member of this organisation.)"];
        }
        else if ((await db.Invitations.Where(i => i.Email == email).ToListAsync(ct)).Any(i => i.StatusAt(db.Clock.GetUtcNow()) == InvitationStatus.Pending))
        {
            errors["email"] = ["이 주소로 보낸 초대가 아직 유효합니다. 취소한 뒤 다시 보내세요. (A pending invitation exists for this address.)"];
        }

        var name = (request.DisplayName ?? "").Trim();
        if (name.Length is 0 or > Invitation.MaxNameLength)
        {
            errors["displayName"] = [$"성명을 {Invitation.MaxNameLength}자 이내로 입력하세요. (Enter a name of up to {Invitation.MaxNameLength} characters.)"];
        }

        if (request.Roles is not { Count: > 0 } || request.Roles.Any(r => !Enum.IsDefined(r)))
        {
            errors["roles"] = ["역할을 하나 이상 고르세요. (Choose at least one role.)"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == db.Tenant.RequireOrganization(), ct);
        var (invitation, token) = Invitation.Create(email, name, request.Roles!, db.Tenant.ActorId, db.Clock.GetUtcNow());
        db.Invitations.Add(invitation);
        db.Audit(AuditEventType.MemberInvited, nameof(Invitation), invitation.Id, after: $"roles={invitation.RoleNames}");
        await db.SaveChangesAsync(ct);

        var link = Invitation.Link(baseUrl, token);
        await mail.SendAsync(InvitationMail(invitation, organization.NameKo, link), ct);
        return TypedResults.Created($"/api/organization/invitations/{invitation.Id}",
            new CreatedInvitationDto(InvitationDto.From(invitation, db.Clock.GetUtcNow()), link));
    }

    public static Task<Results<Created<CreatedInvitationDto>, NotFound, Conflict<string>>> SendAgainAsync(
        Guid invitationId, FinCloudDbContext db, IMailSender mail, IConfiguration configuration, HttpRequest http, CancellationToken ct) =>
        ResendAsync(invitationId, db, mail, BaseUrl(configuration, http), ct);

    /// <summary>Where people open the app: <c>App:BaseUrl</c>, else the request's own address.</summary>
    private static string BaseUrl(IConfiguration configuration, HttpRequest http) =>
        configuration["App:BaseUrl"] ?? $"{http.Scheme}://{http.Host}{http.PathBase}";

    /// <summary>
    /// A new link for the same person and roles (the mail went astray, or the seven days passed): a pending invitation
    /// is withdrawn, so only the newest link works. An accepted invitation is not sent again.
    /// </summary>
    public static async Task<Results<Created<CreatedInvitationDto>, NotFound, Conflict<string>>> ResendAsync(
        Guid invitationId, FinCloudDbContext db, IMailSender mail, string baseUrl, CancellationToken ct)
    {
        var old = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, ct);
        if (old is null)
        {
            return TypedResults.NotFound();
        }

        var now = db.Clock.GetUtcNow();
        if (old.StatusAt(now) is InvitationStatus.Accepted)
        {
            return TypedResults.Conflict("invitation-accepted");
        }

        if (old.Revoke(now))
        {
            db.Audit(AuditEventType.InvitationRevoked, nameof(Invitation), old.Id, before: "pending", after: "revoked (sent again)");
        }

        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == db.Tenant.RequireOrganization(), ct);
        var (invitation, token) = Invitation.Create(old.Email, old.DisplayName, old.Roles, db.Tenant.ActorId, now);
        db.Invitations.Add(invitation);
        db.Audit(AuditEventType.MemberInvited, nameof(Invitation), invitation.Id, after: $"roles={invitation.RoleNames}; again");
        await db.SaveChangesAsync(ct);
        var link = Invitation.Link(baseUrl, token);
        await mail.SendAsync(InvitationMail(invitation, organization.NameKo, link), ct);
        return TypedResults.Created($"/api/organization/invitations/{invitation.Id}", new CreatedInvitationDto(InvitationDto.From(invitation, now), link));
    }

    private static OutgoingMail InvitationMail(Invitation invitation, string organizationName, string link) =>
        new(invitation.Email, $"[FinCloud] {organizationName} 구성원 초대", string.Join('\n',
            $"{invitation.DisplayName}님, {organizationName}에서 FinCloud 구성원으로 초대했습니다.",
            "",
            "아래 링크에서 비밀번호를 정하면 계정이 만들어집니다. 링크는 한 번만 쓸 수 있고 " +
            $"{invitation.ExpiresAt.ToOffset(TimeSpan.FromHours(9)):yyyy-MM-dd HH:mm} (KST)까지 유효합니다.",
            link,
            "",
            "초대를 요청한 적이 없다면 이 메일을 무시하세요.",
            "",
            $"You have been invited to {organizationName} on FinCloud. Open the link above to set your password; it works once, for seven days."));

    public static async Task<Results<NoContent, NotFound, Conflict<string>>> RevokeInvitationAsync(Guid invitationId, FinCloudDbContext db, CancellationToken ct)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null)
        {
            return TypedResults.NotFound();
        }

        if (!invitation.Revoke(db.Clock.GetUtcNow()))
        {
            return TypedResults.Conflict("invitation-not-pending");
        }

        db.Audit(AuditEventType.InvitationRevoked, nameof(Invitation), invitation.Id, before: "pending", after: "revoked");
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<MemberDto>>, NotFound, ValidationProblem, Conflict<string>>> ChangeRolesAsync(
        Guid userId, RolesRequest request, FinCloudDbContext db, UserManager<FinCloudUser> users, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await db.Memberships.Where(m => m.UserId == userId).ToListAsync(ct);
        if (current.Count == 0)
        {
            return TypedResults.NotFound();
        }

        if (request.Roles is not { Count: > 0 } || request.Roles.Any(r => !Enum.IsDefined(r)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = ["역할을 하나 이상 고르세요. (Choose at least one role.)"] });
        }

        var wanted = request.Roles.Distinct().Order().ToList();
        if (!wanted.Contains(OrganizationRole.Administrator) && current.Any(m => m.Role == OrganizationRole.Administrator) &&
            await IsLastAdministratorAsync(db, userId, ct))
        {
            return TypedResults.Conflict("last-administrator");
        }

        var before = string.Join(',', current.Select(m => m.Role).Order());
        if (before != string.Join(',', wanted))
        {
            await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
            db.Memberships.RemoveRange(current.Where(m => !wanted.Contains(m.Role)));
            db.Memberships.AddRange(wanted.Where(r => current.All(m => m.Role != r)).Select(r => Membership.Grant(userId, r, db.Clock.GetUtcNow())));
            db.Audit(AuditEventType.MemberRolesChanged, nameof(FinCloudUser), userId, before: before, after: string.Join(',', wanted));
            await db.SaveChangesAsync(ct);
            await EndSessionsAsync(users, userId);
            await transaction.CommitAsync(ct);
        }

        return TypedResults.Ok(await OrganizationApi.MembersQuery(db, userId).ToListAsync(ct));
    }

    public static async Task<Results<NoContent, NotFound, Conflict<string>>> RemoveAsync(Guid userId, FinCloudDbContext db, UserManager<FinCloudUser> users, CancellationToken ct)
    {
        var memberships = await db.Memberships.Where(m => m.UserId == userId).ToListAsync(ct);
        if (memberships.Count == 0)
        {
            return TypedResults.NotFound();
        }

        if (userId == db.Tenant.ActorId)
        {
            return TypedResults.Conflict("own-membership");
        }

        if (memberships.Any(m => m.Role == OrganizationRole.Administrator) && await IsLastAdministratorAsync(db, userId, ct))
        {
            return TypedResults.Conflict("last-administrator");
        }

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        db.Memberships.RemoveRange(memberships);
        foreach (var m in memberships)
        {
            db.Audit(AuditEventType.MemberRemoved, nameof(Membership), m.Id, before: $"role={m.Role}");
        }

        await db.SaveChangesAsync(ct);
        await EndSessionsAsync(users, userId);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<bool> IsLastAdministratorAsync(FinCloudDbContext db, Guid userId, CancellationToken ct) =>
        !await db.Memberships.AnyAsync(m => m.Role == OrganizationRole.Administrator && m.UserId != userId, ct);

    /// <summary>A new security stamp: the member's sessions end (or take the new roles) at the next cookie check.</summary>
    private static async Task EndSessionsAsync(UserManager<FinCloudUser> users, Guid userId)
    {
        if (await users.FindByIdAsync(userId.ToString()) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }
}
