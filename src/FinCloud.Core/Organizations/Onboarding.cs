using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Persistence;
using FinCloud.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Organizations;

/// <summary>
/// A new organisation on an installation: the operator creates it with its first administrator's invitation
/// (<c>fincloud admin create-organization</c>); that administrator then invites everyone else from the app.
/// </summary>
public static class Onboarding
{
    public sealed record Created(Organization Organization, Invitation Invitation, string Token);

    /// <summary>Null when an organisation of that Korean name exists already.</summary>
    public static async Task<Created?> CreateAsync(FinCloudDbContext db, Organization organization, string adminEmail, string adminName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(organization);
        if (await db.Organizations.AnyAsync(o => o.NameKo == organization.NameKo, ct))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        db.Tenant.Enter(organization.Id, null, ActorKind.System);
        db.Audit(AuditEventType.OrganizationCreated, nameof(Organization), organization.Id, after: $"kind={organization.Kind}");
        var (invitation, token) = Invitation.Create(adminEmail, adminName, [OrganizationRole.Administrator], null, db.Clock.GetUtcNow());
        db.Invitations.Add(invitation);
        db.Audit(AuditEventType.MemberInvited, nameof(Invitation), invitation.Id, after: $"roles={invitation.RoleNames}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Created(organization, invitation, token);
    }
}
