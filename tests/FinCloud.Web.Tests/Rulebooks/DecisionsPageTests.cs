using System.Net;
using System.Text.RegularExpressions;
using FinCloud.Core.Identity;
using FinCloud.Rules.Rulebooks;
using FinCloud.Web.Tests.CloudUse;
using FinCloud.Web.Tests.Infrastructure;

namespace FinCloud.Web.Tests.Rulebooks;

/// <summary>The product's readings (ED-n): one page writes them out, and every ED-n beside a citation links there.</summary>
public sealed partial class DecisionsPageTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<a class=\"decision-ref\" href=\"rules/decisions#(ED-\\d+)\" data-decision=\"\\1\"\\s+title=\"([^\"]+)\">\\1</a>")]
    private static partial Regex DecisionLink();

    [Fact]
    public async Task The_page_writes_out_every_decision_with_an_anchor_for_any_member()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var browser = app.Browser();
        (await browser.SignInAsync("supervisor@fss.example", app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri("/rules/decisions", UriKind.Relative), Ct));

        foreach (var d in EncodingDecisions.All)
        {
            html.ShouldContain($"id=\"{d.Id}\"");
            html.ShouldContain(d.TitleKo);
        }

        Regex.Count(html, "data-testid=\"decision\"").ShouldBe(22);
        html.ShouldContain("href=\"rules/decisions\"", customMessage: "the menu leads here");
    }

    [Fact]
    public async Task A_case_s_citations_link_each_decision_they_rest_on_with_its_title()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        var bank = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, bank);
        var c = await CloudUseSetup.OpenAsync(app, bank, service, personalCreditInfo: true);

        using var browser = await app.SignedInMemberAsync(bank, OrganizationRole.Officer);
        var html = await browser.GetStringAsync(new Uri($"/cloud-use/cases/{c.Case.Id}", UriKind.Relative), Ct);

        var links = DecisionLink().Matches(html).Select(m => (Id: m.Groups[1].Value, Title: WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        links.ShouldNotBeEmpty();
        links.ShouldAllBe(l => EncodingDecisions.Find(l.Id)!.TitleKo == l.Title);
    }
}
