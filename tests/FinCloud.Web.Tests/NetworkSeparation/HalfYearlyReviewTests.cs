using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace FinCloud.Web.Tests.NetworkSeparation;

public sealed class HalfYearlyReviewTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Review_of_the_activation_half_is_due_by_its_last_day_and_overdue_six_months_later(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        var exemptionId = await app.AtAsync(clock, org, async db =>
        {
            var (e, _) = await RegisterExemption.HandleAsync(db, SeparationScope.M365(), CancellationToken.None);
            await SeparationScope.MeetEverythingAsync(db, e!, new DateOnly(2026, 10, 1));
            await ActivateExemption.HandleAsync(db, e!.Id, CancellationToken.None);
            return e.Id;
        });

        var now = await app.AtAsync(clock, org, db => ControlReviews.ScheduleAsync(db, exemptionId, CancellationToken.None));
        now.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.Half.ShouldBe(new HalfYear(2026, 2)),
            r => r.DueBy.ShouldBe(new DateOnly(2026, 12, 31)),
            r => r.Status.ShouldBe(ReviewStatus.Due));

        clock.Advance(TimeSpan.FromDays(182));
        var later = await app.AtAsync(clock, org, db => ControlReviews.ScheduleAsync(db, exemptionId, CancellationToken.None));
        later.Select(r => (r.Half, r.Status)).ShouldBe([(new HalfYear(2026, 2), ReviewStatus.Overdue), (new HalfYear(2027, 1), ReviewStatus.Due)]);

        await app.AtAsync(clock, org, db => ControlReviews.CompleteAsync(db, exemptionId, new HalfYear(2026, 2), "이행 확인", "2027-정보보호위-02", CancellationToken.None));
        var afterReport = await app.AtAsync(clock, org, db => ControlReviews.ScheduleAsync(db, exemptionId, CancellationToken.None));
        afterReport[0].Status.ShouldBe(ReviewStatus.Done);
        afterReport[0].CommitteeAgendaItem.ShouldBe("2027-정보보호위-02");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_review_is_assigned_only_to_a_member_of_the_institution(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.BankAsync();
        var colleague = await app.WithDbAsync(db => db.Memberships.Select(m => m.UserId).FirstAsync(), bank);
        var outsider = await app.WithDbAsync(db => db.Memberships.Select(m => m.UserId).FirstAsync(), await app.SecuritiesFirmAsync());
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        var exemptionId = await app.AtAsync(clock, bank, async db =>
        {
            var (e, _) = await RegisterExemption.HandleAsync(db, SeparationScope.M365() with { Title = "배정 시험 " + Guid.NewGuid().ToString("N")[..6] }, CancellationToken.None);
            await SeparationScope.MeetEverythingAsync(db, e!, new DateOnly(2026, 10, 1));
            await ActivateExemption.HandleAsync(db, e!.Id, CancellationToken.None);
            return e.Id;
        });

        (await app.AtAsync(clock, bank, db => ControlReviews.AssignAsync(db, exemptionId, new HalfYear(2026, 2), outsider, CancellationToken.None))).ShouldBeNull();
        (await app.AtAsync(clock, bank, db => ControlReviews.AssignAsync(db, exemptionId, new HalfYear(2026, 2), colleague, CancellationToken.None))).ShouldNotBeNull();
        (await app.AtAsync(clock, bank, db => ControlReviews.ScheduleAsync(db, exemptionId, CancellationToken.None))).ShouldHaveSingleItem().AssignedTo.ShouldBe(colleague);
    }
}
