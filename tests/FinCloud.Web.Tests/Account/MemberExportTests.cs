using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FinCloud.Core.Identity;
using FinCloud.Web.Tests.Infrastructure;

namespace FinCloud.Web.Tests.Account;

/// <summary>구성원 권한 현황 XLSX: what an access review needs, for every member of the organisation and no one else.</summary>
public sealed class MemberExportTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_auditor_downloads_every_member_with_roles_factors_provisioning_and_last_sign_in(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var password = "Aa1!" + Guid.NewGuid().ToString("N");
        var (_, adminEmail) = await app.CreateMemberAsync(org, OrganizationRole.Administrator, password, "권한 관리자");
        var (_, auditorEmail) = await app.CreateMemberAsync(org, OrganizationRole.Auditor, password, "내부 감사");
        await ProvisioningTests.ProvisionedAsync(app, org);
        var (_, outsiderEmail) = await app.CreateMemberAsync(await app.CreateOrganizationAsync(), OrganizationRole.Officer, password);
        using var auditor = app.Browser();
        (await auditor.SignInAsync(auditorEmail, password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await auditor.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct)).ShouldContain("data-testid=\"members-export\"");
        using var response = await auditor.GetAsync(new Uri("/admin/members.xlsx", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Row>().Select(r => r.InnerText).ToList();
        rows[0].ShouldContain("마지막 로그인(KST)");
        rows.Count.ShouldBe(4, "a header and the organisation's three members");
        rows.Single(r => r.Contains(auditorEmail, StringComparison.Ordinal)).ShouldContain("감사(읽기 전용)");
        rows.Single(r => r.Contains(auditorEmail, StringComparison.Ordinal)).ShouldNotContain("없음", customMessage: "the auditor has just signed in");
        rows.Single(r => r.Contains(adminEmail, StringComparison.Ordinal)).ShouldContain("없음");
        rows.Count(r => r.Contains("SCIM", StringComparison.Ordinal)).ShouldBe(1, "the provisioned member is marked");
        rows.ShouldNotContain(r => r.Contains(outsiderEmail, StringComparison.Ordinal));

        using var anonymous = app.Browser();
        (await anonymous.GetAsync(new Uri("/admin/members.xlsx", UriKind.Relative), Ct)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
