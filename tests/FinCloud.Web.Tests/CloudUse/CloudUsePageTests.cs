using System.Net;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.CloudUse;

public sealed partial class CloudUsePageTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpClient> SignedInAsync(FinCloudApp app, string email)
    {
        var client = app.Browser();
        (await client.SignInAsync(email, app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_user_of_another_institution_gets_not_found_on_every_page_of_the_case(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.BankAsync();
        var securities = await app.SecuritiesFirmAsync();
        var own = await CloudUseSetup.OpenAsync(app, bank, await CloudUseSetup.ServiceAsync(app, bank), personalCreditInfo: true);
        var resources = await CloudUseResources.OfAsync(app, securities);
        var theirs = resources["caseId"];
        using var officer = await SignedInAsync(app, "officer@hanbit.example");

        string[] pages = ["/cloud-use/cases/{0}", "/cloud-use/cases/{0}/forms/importance-assessment", "/cloud-use/cases/{0}/forms/business-continuity-plan",
            "/cloud-use/cases/{0}/forms/security-measures", "/cloud-use/cases/{0}/csp-evaluation", "/cloud-use/files/{0}/evidence/" + resources["evidenceId"], "/cloud-use/files/{0}/packages/" + resources["packageId"]];
        foreach (var page in pages)
        {
            var other = await officer.GetAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, page, theirs), UriKind.Relative), Ct);
            other.StatusCode.ShouldBe(HttpStatusCode.NotFound, page);
        }

        (await officer.GetAsync(new Uri($"/cloud-use/files/minutes/{resources["meetingId"]}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mine = await officer.GetAsync(new Uri($"/cloud-use/cases/{own.Case.Id}", UriKind.Relative), Ct);
        mine.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mine.Content.ReadAsStringAsync(Ct)).ShouldContain("고객상담 챗봇");
    }
}
