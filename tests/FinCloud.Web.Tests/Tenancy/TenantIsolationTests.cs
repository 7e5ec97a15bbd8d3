using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Tenancy;

public sealed class TenantIsolationTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Queries_see_only_the_organisation_in_scope(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.BankAsync();
        var memberships = await app.WithDbAsync(db => db.Memberships.ToListAsync(), bank);
        memberships.ShouldNotBeEmpty();
        memberships.ShouldAllBe(m => m.OrganizationId == bank);
        var events = await app.WithDbAsync(db => db.AuditEvents.ToListAsync(), bank);
        events.ShouldAllBe(e => e.OrganizationId == bank);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Without_an_organisation_in_scope_no_tenant_row_is_visible(string provider)
    {
        var app = await apps.GetAsync(provider);
        (await app.WithDbAsync(db => db.Memberships.CountAsync())).ShouldBe(0);
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync())).ShouldBe(0);
        (await app.WithDbAsync(db => db.Memberships.AcrossTenants(AcrossTenantsReason.OperatorVerification).CountAsync())).ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Adding_a_row_for_another_organisation_is_refused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.BankAsync();
        var securities = await app.SecuritiesFirmAsync();
        await Should.ThrowAsync<TenantViolationException>(() => app.WithDbAsync(async db =>
        {
            var foreign = db.Audit(AuditEventType.MemberAdded);
            foreign.OrganizationId = securities;
            return await db.SaveChangesAsync();
        }, bank));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Changing_or_deleting_another_organisations_row_is_refused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.BankAsync();
        var (keyId, _) = await app.CreateApiKeyAsync(await app.SecuritiesFirmAsync());
        await Should.ThrowAsync<TenantViolationException>(() => app.WithDbAsync(async db =>
        {
            // Loaded past the filter on purpose: the write guard must still refuse it.
            var key = await db.ApiKeys.AcrossTenants(AcrossTenantsReason.OperatorVerification).SingleAsync(k => k.Id == keyId);
            key.Revoke(db.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        }, bank));
        await Should.ThrowAsync<TenantViolationException>(() => app.WithDbAsync(async db =>
        {
            db.ApiKeys.Remove(await db.ApiKeys.AcrossTenants(AcrossTenantsReason.OperatorVerification).SingleAsync(k => k.Id == keyId));
            return await db.SaveChangesAsync();
        }, bank));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Audit_events_cannot_be_changed_or_deleted_through_the_context(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.BankAsync();
        await Should.ThrowAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            db.AuditEvents.Remove(await db.AuditEvents.OrderBy(e => e.Sequence).FirstAsync());
            return await db.SaveChangesAsync();
        }, bank));
    }

    [Fact]
    public void A_scope_cannot_switch_to_another_organisation()
    {
        var tenant = new TenantContext();
        tenant.Enter(Guid.NewGuid(), null, ActorKind.System);
        Should.Throw<TenantViolationException>(() => tenant.Enter(Guid.NewGuid(), null, ActorKind.System));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task New_tenant_rows_are_stamped_with_the_organisation_in_scope(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.CreateOrganizationAsync();
        var user = await app.WithDbAsync(db => db.Users.OrderBy(u => u.Email).Select(u => u.Id).FirstAsync());
        var stamped = await app.WithDbAsync(async db =>
        {
            var m = Membership.Grant(user, OrganizationRole.Auditor, db.Clock.GetUtcNow());
            db.Memberships.Add(m);
            db.Audit(AuditEventType.MemberAdded, nameof(Membership), m.Id);
            await db.SaveChangesAsync();
            return m.OrganizationId;
        }, bank);
        stamped.ShouldBe(bank);
    }
}
