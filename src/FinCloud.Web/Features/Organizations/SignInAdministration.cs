using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Organizations;
using FinCloud.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Organizations;

/// <summary>Why an administrator's sign-in action on a member (2단계 인증, lockout) was refused.</summary>
public enum SignInRefusal
{
    None,

    /// <summary>Requiring the factor of everyone while the administrator has none would send them to set-up first.</summary>
    AdministratorHasNone,

    /// <summary>The person is not a member of the administrator's organisation.</summary>
    NotAMember,

    /// <summary>An administrator resets their own factor on the account page, with a code.</summary>
    Self,
}

/// <summary>
/// An organisation administrator's side of its members' sign-in: the 2단계 인증 필수 policy, resetting a member who lost
/// their phone, and lifting a lockout.
/// </summary>
public static class SignInAdministration
{
    public static async Task<SignInRefusal> SetPolicyAsync(FinCloudDbContext db, UserManager<FinCloudUser> users, bool required, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleAsync(o => o.Id == db.Tenant.RequireOrganization(), ct);
        if (organization.RequiresTwoFactor == required)
        {
            return SignInRefusal.None;
        }

        if (required && (db.Tenant.ActorId is not { } actor || await users.FindByIdAsync(actor.ToString()) is not { TwoFactorEnabled: true }))
        {
            return SignInRefusal.AdministratorHasNone;
        }

        organization.RequireTwoFactor(required);
        db.Audit(AuditEventType.TwoFactorPolicyChanged, nameof(Organization), organization.Id,
            before: required ? "optional" : "required", after: required ? "required" : "optional");
        await db.SaveChangesAsync(ct);
        return SignInRefusal.None;
    }

    /// <summary>
    /// Turns a member's factor off and discards their key and recovery codes; their sessions end at the next cookie check
    /// (the security stamp changes). Under a 필수 policy they set up a new authenticator at their next sign-in.
    /// </summary>
    public static async Task<SignInRefusal> ResetAsync(FinCloudDbContext db, UserManager<FinCloudUser> users, Guid userId, CancellationToken ct)
    {
        if (userId == db.Tenant.ActorId)
        {
            return SignInRefusal.Self;
        }

        if (await MemberAsync(db, users, userId, ct) is not { } member)
        {
            return SignInRefusal.NotAMember;
        }

        // The account's changes and their audit event commit together.
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        await TurnOffAsync(users, member);
        db.Audit(AuditEventType.TwoFactorReset, nameof(FinCloudUser), member.Id, before: "on", after: "off");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return SignInRefusal.None;
    }

    /// <summary>
    /// Lifts a member's lockout (five wrong passwords lock an account for 15 minutes) and clears the count of
    /// failures, for a member who is sure it was them.
    /// </summary>
    public static async Task<SignInRefusal> UnlockAsync(FinCloudDbContext db, UserManager<FinCloudUser> users, Guid userId, CancellationToken ct)
    {
        if (await MemberAsync(db, users, userId, ct) is not { } member)
        {
            return SignInRefusal.NotAMember;
        }

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        await users.SetLockoutEndDateAsync(member, null);
        await users.ResetAccessFailedCountAsync(member);
        db.Audit(AuditEventType.AccountUnlocked, nameof(FinCloudUser), member.Id, before: "locked", after: "unlocked");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return SignInRefusal.None;
    }

    /// <summary>The factor off, its key replaced and its recovery codes gone (by the user or by an administrator).</summary>
    public static async Task TurnOffAsync(UserManager<FinCloudUser> users, FinCloudUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        await Security.OneTimeAuthenticatorTokenProvider.ForgetAsync(users, user);
    }

    /// <summary>The account of a member of the administrator's organisation; null for anyone else (memberships are tenant-filtered).</summary>
    private static async Task<FinCloudUser?> MemberAsync(FinCloudDbContext db, UserManager<FinCloudUser> users, Guid userId, CancellationToken ct) =>
        await db.Memberships.AnyAsync(m => m.UserId == userId, ct) ? await users.FindByIdAsync(userId.ToString()) : null;
}
