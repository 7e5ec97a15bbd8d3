using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FinCloud.Core.Audit;
using FinCloud.Core.Lists;
using FinCloud.Core.Tenancy;
using FinCloud.Web.Features.Audit;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Lists;

/// <summary>The reusable list query, proven on its first consumer: the audit trail.</summary>
public sealed partial class AuditListTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh organisation with 60 events: 20 of each of three types, alternating entity names.</summary>
    private static async Task<Guid> SeedAsync(FinCloudApp app)
    {
        var organization = await app.CreateOrganizationAsync();
        await app.WithDbAsync(db =>
        {
            for (var i = 0; i < 60; i++)
            {
                var type = (i % 3) switch { 0 => AuditEventType.MemberAdded, 1 => AuditEventType.ApiKeyCreated, _ => AuditEventType.ApiKeyRevoked };
                db.Audit(type, i % 2 == 0 ? "Alpha" : "Beta", $"id-{i:D3}", after: i == 42 ? "Needle-Case" : "state");
            }

            return db.SaveChangesAsync(Ct);
        }, organization);
        return organization;
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Pages_cover_the_list_once_newest_first_without_overlap(string provider)
    {
        var app = await apps.GetAsync(provider);
        var organization = await SeedAsync(app);

        var seen = new List<long>();
        ListPage<AuditEvent> page;
        var number = 1;
        do
        {
            page = await app.WithDbAsync(db => AuditList.PageAsync(db, new ListQuery { Page = number++, PageSize = 25 }, Ct), organization);
            seen.AddRange(page.Items.Select(e => e.Sequence));
        }
        while (page.Page < page.PageCount);

        page.TotalCount.ShouldBe(61);   // the creation event and the 60 seeded
        page.PageCount.ShouldBe(3);
        seen.ShouldBe(Enumerable.Range(1, 61).Select(i => (long)i).Reverse().ToList());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Filters_search_and_sort_run_together_in_the_database(string provider)
    {
        var app = await apps.GetAsync(provider);
        var organization = await SeedAsync(app);

        var revoked = await app.WithDbAsync(db => AuditList.PageAsync(db, new ListQuery().WithFilter("type", "ApiKeyRevoked"), Ct), organization);
        revoked.TotalCount.ShouldBe(20);
        revoked.Items.ShouldAllBe(e => e.Type == AuditEventType.ApiKeyRevoked);

        var needle = await app.WithDbAsync(db => AuditList.PageAsync(db, new ListQuery { Search = "  needle-CASE " }, Ct), organization);
        needle.Items.ShouldHaveSingleItem().EntityId.ShouldBe("id-042");

        var betaByEntityAscending = await app.WithDbAsync(db => AuditList.PageAsync(db,
            new ListQuery { Search = "beta", Sort = "sequence", Descending = false, PageSize = 5 }, Ct), organization);
        betaByEntityAscending.TotalCount.ShouldBe(30);
        betaByEntityAscending.Items.Select(e => e.EntityId).ShouldBe(["id-001", "id-003", "id-005", "id-007", "id-009"]);

        var byType = await app.WithDbAsync(db => AuditList.PageAsync(db, new ListQuery { Sort = "type", PageSize = 200 }, Ct), organization);
        byType.Items.Select(e => (int)e.Type).ShouldBeInOrder();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Unknown_sort_and_filter_values_fall_back_instead_of_failing(string provider)
    {
        var app = await apps.GetAsync(provider);
        var organization = await SeedAsync(app);

        var page = await app.WithDbAsync(db => AuditList.PageAsync(db,
            new ListQuery { Sort = "Hash; DROP TABLE", Page = 99, PageSize = 10_000 }.WithFilter("type", "NoSuchType").WithFilter("nope", "x") with { Page = 99 }, Ct), organization);

        page.TotalCount.ShouldBe(61);
        page.PageSize.ShouldBe(ListQuery.MaxPageSize);
        page.Page.ShouldBe(1);   // clamped to the last page
        page.Items[0].Sequence.ShouldBe(61);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Another_organisations_events_never_appear_in_the_list(string provider)
    {
        var app = await apps.GetAsync(provider);
        var a = await SeedAsync(app);
        var b = await SeedAsync(app);

        var ofA = await app.WithDbAsync(db => AuditList.Definition.Apply(db.AuditEvents, new ListQuery { Search = "alpha" }).Select(e => e.OrganizationId).Distinct().ToListAsync(Ct), a);

        ofA.ShouldBe([a]);
        b.ShouldNotBe(a);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_audit_page_renders_its_first_page_on_the_server_and_exports_the_filtered_list(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(client, "admin@hanbit.example", app.DemoPassword);

        var html = await client.GetStringAsync(new Uri("/admin/audit", UriKind.Relative), Ct);
        html.ShouldContain("data-testid=\"audit-events\"");
        html.ShouldContain("title=\"SignInSucceeded\">로그인</span>", Case.Sensitive, "events are named in Korean, the code's name on hover");
        html.ShouldContain(">사용자<");
        html.ShouldContain("data-testid=\"list-position\"");
        html.ShouldContain("aria-sort=\"descending\"");

        var response = await client.GetAsync(new Uri("/admin/audit/export.xlsx?f.type=SignInSucceeded", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Row>().ToList();
        rows[0].InnerText.ShouldContain("일시(KST)");
        rows.Count.ShouldBeGreaterThan(1);
        rows.Skip(1).ShouldAllBe(r => r.InnerText.Contains("SignInSucceeded") && r.InnerText.Contains("로그인"), "each event by its Korean name and its code");

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await anonymous.GetAsync(new Uri("/admin/audit/export.xlsx", UriKind.Relative), Ct)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    internal static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative), Ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
