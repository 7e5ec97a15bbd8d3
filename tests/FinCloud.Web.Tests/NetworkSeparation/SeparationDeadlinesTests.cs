using FinCloud.Core.Deadlines;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FinCloud.Web.Tests.NetworkSeparation;

public sealed class SeparationDeadlinesTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_overdue_review_and_the_period_end_reach_the_deadline_board(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        var id = await app.AtAsync(clock, org, async db =>
        {
            var (e, _) = await RegisterExemption.HandleAsync(db, SeparationScope.M365() with { PeriodEnd = new DateOnly(2027, 9, 30) }, CancellationToken.None);
            await SeparationScope.MeetEverythingAsync(db, e!, new DateOnly(2026, 10, 1));
            await ActivateExemption.HandleAsync(db, e!.Id, CancellationToken.None);
            return e.Id;
        });
        clock.Advance(TimeSpan.FromDays(40));
        var deadlines = await app.AtAsync(clock, org, db => new SeparationDeadlines().OpenDeadlinesAsync(db, CancellationToken.None));
        deadlines.ShouldContain(d => d.Key == $"separation-exemption/review/{id}/2026-2" && d.DueOn == new DateOnly(2026, 12, 31) && d.Category == DeadlineCategory.SeparationExemption);
        deadlines.ShouldContain(d => d.Key == $"separation-exemption/review/{id}/2027-1" && d.DueOn == new DateOnly(2027, 6, 30));
        deadlines.ShouldContain(d => d.Key == $"separation-exemption/end/{id}" && d.DueOn == new DateOnly(2027, 9, 30));
    }
}
