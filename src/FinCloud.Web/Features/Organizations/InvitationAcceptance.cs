using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Organizations;
using FinCloud.Core.Persistence;
using FinCloud.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Organizations;

public enum AcceptanceRefusal
{
    None,

    /// <summary>No invitation has this link (mistyped, or never issued).</summary>
    UnknownLink,

    /// <summary>Used, withdrawn or past its seven days.</summary>
    NotPending,

    /// <summary>The address already has an account (a person belongs to one organisation).</summary>
    AccountExists,

    /// <summary>The password does not meet the policy; <see cref="InvitationAcceptance.Result.PasswordErrors"/> says why.</summary>
    WeakPassword,
}

/// <summary>The invited person's side: opening the link (no account yet) and setting a password, which makes the account.</summary>
public static class InvitationAcceptance
{
    public sealed record Invited(Invitation Invitation, string OrganizationName);

    public sealed record Result(AcceptanceRefusal Refusal, FinCloudUser? User = null, IReadOnlyList<string>? PasswordErrors = null);

    /// <summary>The invitation behind a link and its organisation's name; null for an unknown link.</summary>
    public static async Task<Invited?> FindAsync(FinCloudDbContext db, string token, CancellationToken ct)
    {
        var hash = Invitation.Hash(token);
        var invitation = await db.Invitations.AcrossTenants(AcrossTenantsReason.InvitationToken).SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null)
        {
            return null;
        }

        var name = await db.Organizations.Where(o => o.Id == invitation.OrganizationId).Select(o => o.NameKo).SingleAsync(ct);
        return new Invited(invitation, name);
    }

    /// <summary>
    /// Makes the account with the invitation's roles, in one transaction with the invitation marked used and the audit
    /// events (in the organisation's trail, the new member as the actor). Nothing is made when any check fails.
    /// </summary>
    public static async Task<Result> AcceptAsync(FinCloudDbContext db, UserManager<FinCloudUser> users, string token, string displayName, string password, CancellationToken ct)
    {
        if (await FindAsync(db, token, ct) is not { Invitation: var invitation })
        {
            return new(AcceptanceRefusal.UnknownLink);
        }

        if (invitation.StatusAt(db.Clock.GetUtcNow()) != InvitationStatus.Pending)
        {
            return new(AcceptanceRefusal.NotPending);
        }

        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return new(AcceptanceRefusal.AccountExists);
        }

        var name = displayName.Trim() is { Length: > 0 and <= Invitation.MaxNameLength } given ? given : invitation.DisplayName;
        var user = new FinCloudUser
        {
            Id = Guid.CreateVersion7(db.Clock.GetUtcNow()),
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true,
            DisplayName = name,
        };
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        }

        if (problems.Count > 0)
        {
            return new(AcceptanceRefusal.WeakPassword, PasswordErrors: problems);
        }

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new(AcceptanceRefusal.WeakPassword, PasswordErrors: [.. created.Errors.Select(e => e.Description)]);
        }

        db.Tenant.Enter(invitation.OrganizationId, user.Id, ActorKind.User);
        invitation.Accept(user.Id, db.Clock.GetUtcNow());
        db.Audit(AuditEventType.InvitationAccepted, nameof(Invitation), invitation.Id, before: "pending", after: "accepted");
        foreach (var role in invitation.Roles)
        {
            var membership = Membership.Grant(user.Id, role, db.Clock.GetUtcNow());
            db.Memberships.Add(membership);
            db.Audit(AuditEventType.MemberAdded, nameof(Membership), membership.Id, after: $"role={role}");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(AcceptanceRefusal.None, user);
    }
}
