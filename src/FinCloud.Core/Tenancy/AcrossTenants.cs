using Microsoft.EntityFrameworkCore;

namespace FinCloud.Core.Tenancy;

/// <summary>
/// The only way past the <c>"Tenant"</c> filter. Each use names its reason, so a search for
/// <see cref="AcrossTenantsReason"/> lists every place where one organisation's code sees another's rows.
/// </summary>
public static class AcrossTenantsExtensions
{
    public static IQueryable<T> AcrossTenants<T>(this IQueryable<T> source, AcrossTenantsReason reason)
        where T : class, ITenantOwned
    {
        _ = reason; // the reason is for the reader and for searches; behaviour does not depend on it
        return source.IgnoreQueryFilters([TenantQueryFilter.Name]);
    }
}

public enum AcrossTenantsReason
{
    /// <summary>Sign-in and API-key authentication: find which organisation a credential belongs to.</summary>
    Authentication = 1,

    /// <summary>Operator tooling (<c>fincloud audit verify</c>) that checks every organisation's chain, read-only.</summary>
    OperatorVerification = 2,

    /// <summary>A supervisor (FSS) reading what an institution explicitly shared with it; the read is audited.</summary>
    SupervisoryGrant = 3,

    /// <summary>Scheduled jobs (deadline reminders) listing the organisations to run for; each runs in its own scope.</summary>
    ScheduledJob = 4,

    /// <summary>A calendar app fetching a secret .ics address: find whose feed the token is.</summary>
    CalendarFeedToken = 5,

    /// <summary>An institution reading the supervisor's 보완요청 messages on submissions the institution itself made.</summary>
    SupervisoryReply = 6,

    /// <summary>An institution reading CSP evaluation results the FSI published to every institution (read-only).</summary>
    PublishedByFsi = 7,

    /// <summary>An institution reading the joint DR drills a supervisor scheduled and named it in (read-only).</summary>
    JointDrillInvitation = 8,

    /// <summary>A CSP opening the secret link of a CSP 자료 요청: find whose inquiry the token is.</summary>
    CspInquiryToken = 9,

    /// <summary>Someone invited to join an organisation opens their invitation link, before they have an account.</summary>
    InvitationToken = 10,

    /// <summary>An administrator naming an e-mail domain for 기관 SSO: is it already another organisation's?</summary>
    SingleSignOnDomain = 11,

    /// <summary>An identity provider provisioning a person over SCIM: does the address belong to another organisation's member?</summary>
    Provisioning = 12,

    /// <summary>Operator tooling (<c>fincloud admin release-sso-domain</c>) freeing an e-mail domain an organisation's SSO names; audited in its trail.</summary>
    OperatorDomainRelease = 13,
}
