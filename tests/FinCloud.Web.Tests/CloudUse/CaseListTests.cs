using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FinCloud.Core.Lists;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using FinCloud.Web.Tests.Lists;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FinCloud.Web.Tests.CloudUse;

public sealed class CaseListTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Cases_page_newest_first_filter_by_materiality_and_stay_in_their_organisation(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, org);
        var opened = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            opened.Add((await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: i % 2 == 0)).Case.Id);
        }

        await CloudUseSetup.OpenAsync(app, other, await CloudUseSetup.ServiceAsync(app, other), personalCreditInfo: true);

        var first = await app.WithDbAsync(db => CaseList.PageAsync(db, new ListQuery { PageSize = 4 }, Ct), org);
        var second = await app.WithDbAsync(db => CaseList.PageAsync(db, new ListQuery { PageSize = 4, Page = 2 }, Ct), org);
        first.TotalCount.ShouldBe(6);
        first.Items.Concat(second.Items).Select(c => c.Id).ShouldBe(Enumerable.Reverse(opened));

        var material = await app.WithDbAsync(db => CaseList.PageAsync(db, new ListQuery().WithFilter("materiality", "material"), Ct), org);
        material.TotalCount.ShouldBe(3);
        material.Items.ShouldAllBe(c => c.IsMaterial && c.OrganizationId == org);

        var byDue = await app.WithDbAsync(db => CaseList.PageAsync(db, new ListQuery { Sort = "due" }.WithFilter("materiality", "material"), Ct), org);
        byDue.Items.Select(c => c.ReportDueBy).ShouldBeInOrder();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_case_list_renders_on_the_server_and_exports_the_filtered_list(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await AuditListTests.SignInAsync(client, "officer@hanbit.example", app.DemoPassword);

        var html = await client.GetStringAsync(new Uri("/cloud-use", UriKind.Relative), Ct);
        html.ShouldContain("data-testid=\"cases\"");
        html.ShouldContain("여신 심사 보조 SaaS");
        html.ShouldContain("data-testid=\"list-position\"");

        var response = await client.GetAsync(new Uri("/cloud-use/export.xlsx?f.materiality=non-material", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        var part = workbook.WorkbookPart!;
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = part.WorksheetParts.Single().Worksheet!.Descendants<Row>().Select(r => string.Concat(r.Descendants<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.InnerText, System.Globalization.CultureInfo.InvariantCulture)] : c.InnerText))).ToList();
        rows[0].ShouldContain("업무 중요도");
        rows.Count.ShouldBeGreaterThan(1);
        rows.Skip(1).ShouldAllBe(r => r.Contains("비중요업무"));
        rows.ShouldContain(r => r.Contains("사내 협업 메신저"));

        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await anonymous.GetAsync(new Uri("/cloud-use/export.xlsx", UriKind.Relative), Ct)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
