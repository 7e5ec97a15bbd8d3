using FinCloud.Core.Features.Continuity;
using FinCloud.Core.Lists;
using FinCloud.Web.Features.Continuity;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Continuity;

/// <summary>The third-party, incident and drill lists page, sort, search and filter in the database (the demo bank).</summary>
public sealed class ContinuityListTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Third_parties_without_an_alternative_provider_are_one_filter_away(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.BankAsync();
        var page = await app.WithDbAsync(db => ContinuityLists.ThirdParties.PageAsync(db.LinkedThirdPartyServices.AsNoTracking(),
            new ListQuery().WithFilter("alternative", "none"), Ct), bank);
        page.TotalCount.ShouldBe(7);
        page.Items.Select(t => t.Name).ShouldContain("SMS·알림톡 발송");
        page.Items.ShouldAllBe(t => t.AlternativeProvider == null);

        var search = await app.WithDbAsync(db => ContinuityLists.ThirdParties.PageAsync(db.LinkedThirdPartyServices.AsNoTracking(),
            new ListQuery { Search = "가상클라우드" }, Ct), bank);
        search.Items.Select(t => t.Name).ShouldBe(["부정거래탐지 SaaS", "콜센터 클라우드", "클라우드 백업"], ignoreOrder: true);
        var high = await app.WithDbAsync(db => ContinuityLists.ThirdParties.PageAsync(db.LinkedThirdPartyServices.AsNoTracking(),
            new ListQuery().WithFilter("risk", "High"), Ct), bank);
        high.Items.Select(t => t.Name).ShouldBe(["SMS·알림톡 발송", "부정거래탐지 SaaS"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Incidents_list_newest_registered_first_with_the_rules_decision(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.BankAsync();
        var all = await app.WithDbAsync(db => ContinuityLists.IncidentPageAsync(db, new ListQuery { PageSize = 4 }, Ct), bank);
        all.TotalCount.ShouldBe(6);
        all.PageCount.ShouldBe(2);
        all.Sort.ShouldBe("registered");
        all.Descending.ShouldBeTrue();
        all.Items.Select(v => v.Incident.Id).ShouldBe(all.Items.Select(v => v.Incident.Id).OrderDescending());

        var fraud = await app.WithDbAsync(db => ContinuityLists.IncidentPageAsync(db, new ListQuery { Search = "  대포통장 " }, Ct), bank);
        var view = fraud.Items.ShouldHaveSingleItem();
        view.Assessment.Major.ShouldBeTrue("520 million won lost and reputation harmed meet the 중대사고 criteria");
        view.Submissions.Select(x => x.Reference).ShouldContain("EFARS-2026-0733");
        view.Submissions.ShouldAllBe(x => x.IncidentId == view.Incident.Id);

        var closed = await app.WithDbAsync(db => ContinuityLists.IncidentPageAsync(db, new ListQuery().WithFilter("stage", "Closed"), Ct), bank);
        closed.TotalCount.ShouldBe(3);
        var bySeverity = await app.WithDbAsync(db => ContinuityLists.IncidentPageAsync(db, new ListQuery { Sort = "severity", Descending = true }, Ct), bank);
        bySeverity.Items[0].Incident.Severity.ShouldBe(Severity.Critical);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Drills_list_latest_planned_first_and_filter_by_status(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.BankAsync();
        var (page, executed) = await app.WithDbAsync(async db => (
            await ContinuityLists.Drills.PageAsync(db.ContinuityDrills.AsNoTracking(), new ListQuery { PageSize = 200, Sort = "no-such-key" }, Ct),
            await db.ContinuityDrills.CountAsync(d => d.Status == DrillStatus.Executed, Ct)), bank);
        page.Sort.ShouldBe("planned", "an unknown sort key falls back to the default");
        page.Items.Select(d => d.PlannedOn).ShouldBe(page.Items.Select(d => d.PlannedOn).OrderDescending());
        var done = await app.WithDbAsync(db => ContinuityLists.Drills.PageAsync(db.ContinuityDrills.AsNoTracking(), new ListQuery().WithFilter("status", "Executed"), Ct), bank);
        executed.ShouldBeGreaterThan(0);
        done.TotalCount.ShouldBe(executed);
        done.Items.ShouldAllBe(d => d.ExecutedOn != null);
    }
}
