using System.Net;
using FinCloud.Core.Audit;
using FinCloud.Core.Deadlines;
using FinCloud.Web.Features.Deadlines;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Deadlines;

public sealed class CalendarFeedTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_users_feed_lists_their_deadlines_as_all_day_events_until_revoked(string provider)
    {
        var (deadlines, _, services) = TestDeadlines.Create(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        await using var app = await FinCloudApp.StartAsync(provider, services: services, settings: new Dictionary<string, string> { ["Jobs:Enabled"] = "false" });
        var bank = await app.BankAsync();
        var firm = await app.SecuritiesFirmAsync();
        var officer = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "officer@hanbit.example").Select(u => u.Id).SingleAsync());
        var ciso = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "ciso@hanbit.example").Select(u => u.Id).SingleAsync());
        deadlines.Set(bank,
            new Deadline("cloud-use/report/1", "클라우드 이용 사후보고, 고객상담", new DateOnly(2026, 12, 2), "/cloud-use/1"),
            new Deadline("csp/2", "CISO 본인 업무", new DateOnly(2026, 12, 3), "/x", ciso));
        deadlines.Set(firm, new Deadline("firm/1", "새벽증권 기한", new DateOnly(2026, 12, 4), "/x"));
        var token = await app.WithDbAsync(db => CalendarFeeds.IssueAsync(db, officer, CancellationToken.None), bank);
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri($"/calendar/{token}.ics", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var ics = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ics.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        ics.ShouldContain("DTSTART;VALUE=DATE:20261202\r\n");
        ics.ShouldContain("SUMMARY:클라우드 이용 사후보고\\, 고객상담");
        ics.ShouldContain("UID:cloud-use/report/1@fincloud");
        ics.ShouldNotContain("CISO 본인 업무");   // assigned to someone else
        ics.ShouldNotContain("새벽증권");          // another organisation
        ics.Split("\r\n").ShouldAllBe(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75);

        (await app.WithDbAsync(db => CalendarFeeds.RevokeAsync(db, officer, CancellationToken.None), bank)).ShouldBe(1);
        (await client.GetAsync(new Uri($"/calendar/{token}.ics", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri($"/calendar/{new string('0', 64)}.ics", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Type == AuditEventType.CalendarFeedCreated || e.Type == AuditEventType.CalendarFeedRevoked)
            .Select(e => e.Type).ToListAsync(), bank);
        audit.Order().ShouldBe([AuditEventType.CalendarFeedCreated, AuditEventType.CalendarFeedRevoked]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Issuing_a_new_address_revokes_the_old_one(string provider)
    {
        await using var app = await FinCloudApp.StartAsync(provider, settings: new Dictionary<string, string> { ["Jobs:Enabled"] = "false" });
        var bank = await app.BankAsync();
        var officer = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "officer@hanbit.example").Select(u => u.Id).SingleAsync());
        var old = await app.WithDbAsync(db => CalendarFeeds.IssueAsync(db, officer, CancellationToken.None), bank);
        var renewed = await app.WithDbAsync(db => CalendarFeeds.IssueAsync(db, officer, CancellationToken.None), bank);
        using var client = app.CreateClient();

        (await client.GetAsync(new Uri($"/calendar/{old}.ics", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri($"/calendar/{renewed}.ics", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.CalendarFeeds.CountAsync(f => f.RevokedAt == null), bank)).ShouldBe(1);
    }
}
