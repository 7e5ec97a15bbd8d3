using FinCloud.Core.Audit;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FinCloud.Web.Tests.NetworkSeparation;

public sealed class SupervisorViewTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_FSS_sees_only_shared_exemptions_with_overdue_reviews_and_its_read_is_audited(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.CreateOrganizationAsync();
        var fss = await app.OrganizationIdAsync("금융감독원");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        var (shared, unshared) = await app.AtAsync(clock, bank, async db =>
        {
            var (a, _) = await RegisterExemption.HandleAsync(db, SeparationScope.M365() with { Title = "공유한 M365 " + Guid.NewGuid().ToString("N")[..6] }, CancellationToken.None);
            await SeparationScope.MeetEverythingAsync(db, a!, new DateOnly(2026, 10, 1));
            await ActivateExemption.HandleAsync(db, a!.Id, CancellationToken.None);
            await SupervisorView.ShareAsync(db, a.Id, CancellationToken.None);
            var (b, _) = await RegisterExemption.HandleAsync(db, SeparationScope.M365() with { Title = "공유하지 않은 예외" }, CancellationToken.None);
            return (a, b!);
        });

        clock.Advance(TimeSpan.FromDays(40)); // 2027-01-06: the second half of 2026 was never reviewed
        var seen = await app.AtAsync(clock, fss, db => SupervisorView.ListAsync(db, new SupervisorFilter(SeparationExemptionKind.SandboxDesignation, "m365"), CancellationToken.None));
        var line = seen.Where(x => x.ExemptionId == shared.Id).ShouldHaveSingleItem();
        line.OverdueReviews.ShouldBe(1);
        seen.ShouldNotContain(x => x.ExemptionId == unshared.Id);
        (await app.AtAsync(clock, fss, db => SupervisorView.ListAsync(db, new SupervisorFilter(OverdueOnly: true), CancellationToken.None)))
            .ShouldContain(x => x.ExemptionId == shared.Id);

        var fssEvents = await app.AtAsync(clock, fss, db => db.AuditEvents.Where(e => e.Type == AuditEventType.SharedRecordRead).CountAsync());
        fssEvents.ShouldBeGreaterThanOrEqualTo(2);
        (await app.AtAsync(clock, bank, db => db.AuditEvents.CountAsync(e => e.Type == AuditEventType.SharedWithSupervisor && e.EntityId == shared.Id.ToString()))).ShouldBe(1);
        (await app.AtAsync(clock, fss, db => AuditChain.VerifyAsync(db, CancellationToken.None))).IsIntact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_institution_has_nothing_shared_with_it(string provider)
    {
        var app = await apps.GetAsync(provider);
        var other = await app.CreateOrganizationAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        await SeparationRecords.CreateForAsync(app, await app.CreateOrganizationAsync());
        (await app.AtAsync(clock, other, db => SupervisorView.ListAsync(db, new SupervisorFilter(), CancellationToken.None))).ShouldBeEmpty();
    }
}
