using System.Net;
using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Organizations;
using FinCloud.Web.Tests.Infrastructure;

namespace FinCloud.Web.Tests.Exchange;

/// <summary>The supervision, FSI and exchange pages render for the organisation they serve, and an inbox entry is the FSS's only.</summary>
public sealed partial class SupervisionPageTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpClient> SignedInAsync(FinCloudApp app, string email)
    {
        var client = app.Browser();
        (await client.SignInAsync(email, app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Each_side_sees_its_own_workspace_and_another_institution_gets_not_found_on_an_inbox_entry(string provider)
    {
        var app = await apps.GetAsync(provider);
        var fss = await app.OrganizationIdAsync("금융감독원");
        var submission = await app.WithDbAsync(async db =>
        {
            var s = Submission.Receive(SubmissionKind.CloudUseReport, SubmissionChannel.ExchangeBundle, "푸른은행", InstitutionSector.Bank, null, Guid.CreateVersion7(),
                Guid.CreateVersion7(), "인터넷뱅킹 이전", "supervisor-report:new-contract", new DateOnly(2026, 10, 1), "계약 체결일로부터 3개월",
                new DateTimeOffset(2026, 10, 8, 1, 0, 0, TimeSpan.Zero), new string('b', 64), "{}", new ReportedWorkload("가나클라우드", "IaaS", "kr-central-1", true), db.Clock.GetUtcNow());
            db.Submissions.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        }, fss);

        using var supervisor = await SignedInAsync(app, "supervisor@fss.example");
        (await PageAsync(supervisor, "/reports")).ShouldContain("보고 접수함");
        var detail = await PageAsync(supervisor, $"/reports/{submission}");
        detail.ShouldContain("인터넷뱅킹 이전");
        detail.ShouldContain("7일 지연");
        detail.ShouldContain("가나클라우드 · IaaS (kr-central-1) —");
        detail.ShouldContain($"href=\"reports/files/{submission}/package\"");
        (await PageAsync(supervisor, "/supervision/sector-risk")).ShouldContain("가나클라우드");
        (await PageAsync(supervisor, "/exchange")).ShouldContain("신뢰 발행기관");

        using var evaluator = await SignedInAsync(app, "evaluator@fsi.example");
        (await PageAsync(evaluator, "/csp-evaluations")).ShouldContain("평가를 계획하고");

        using var officer = await SignedInAsync(app, "officer@hanbit.example");
        (await PageAsync(officer, "/csp-evaluations")).ShouldContain("금융보안원이 공개한");
        var officerReports = await PageAsync(officer, "/reports");
        officerReports.ShouldContain("받은 보완요청");
        officerReports.ShouldContain("제출한 보고가 없습니다");
        using var foreign = await officer.GetAsync(new Uri($"/reports/{submission}", UriKind.Relative), Ct);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The download is the FSS's: an institution is refused it, whatever the id.
        using var download = await officer.GetAsync(new Uri($"/reports/files/{submission}/package", UriKind.Relative), Ct);
        download.Headers.Location?.ToString().ShouldContain("/account/access-denied");
        (await foreign.Content.ReadAsStringAsync(Ct)).ShouldNotContain("인터넷뱅킹 이전");
    }
}
