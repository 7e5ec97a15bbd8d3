using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>
/// Every form field of the main pages has a name a screen reader reads out (a label with text, <c>aria-label</c>,
/// <c>aria-labelledby</c> or a title), as each organisation's users see them: a placeholder alone disappears on typing.
/// </summary>
public sealed class FormLabelTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string UnnamedFields = """
        () => Array.from(document.querySelectorAll('input, select, textarea'))
            .filter(e => e.type !== 'hidden')
            .filter(e => !((e.getAttribute('aria-label') || '').trim() || e.getAttribute('aria-labelledby') || (e.title || '').trim()
                || Array.from(e.labels || []).some(l => l.textContent.trim().length > 0)))
            .map(e => e.outerHTML.slice(0, 160))
        """;

    private static async Task<List<string>> UnnamedAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        // Interactive pages mark when their data is in; the static ones are whole once loaded.
        if (await page.Locator("#fincloud-ready").CountAsync() > 0)
        {
            await page.WaitUntilReadyAsync();
        }

        return [.. (await page.EvaluateAsync<string[]>(UnnamedFields)).Select(field => $"{path}: {field}")];
    }

    [Fact]
    public Task Every_field_of_the_main_pages_has_an_accessible_name() => browser.RunAsync("form-labels", async page =>
    {
        var bank = await browser.App.OrganizationIdAsync("한빛은행");
        var caseId = await browser.App.WithDbAsync(db => db.CloudUseCases.Where(c => c.Title == "고객 상담 이력 분석").Select(c => c.Id).SingleAsync(), bank);
        var unnamed = new List<string>();

        await page.SignInAsync("admin@hanbit.example", browser.App.DemoPassword);
        foreach (var path in new[]
                 {
                     "/cloud-use", "/cloud-use/registry", "/cloud-use/committee", $"/cloud-use/cases/{caseId}", "/deadlines", "/scans",
                     "/separation-exemptions", "/separation-designations", "/reports", "/csp-evaluations", "/exchange", "/admin", "/admin/audit", "/admin/webhooks",
                     "/continuity", "/continuity/processes", "/continuity/processes/new", "/continuity/assets", "/continuity/assets/new",
                     "/continuity/bia", "/continuity/dr", "/continuity/drills", "/continuity/incidents", "/continuity/insurance",
                     "/continuity/plan", "/continuity/third-parties", "/continuity/joint-drills",
                 })
        {
            unnamed.AddRange(await UnnamedAsync(page, path));
        }

        await page.Context.ClearCookiesAsync();
        await page.SignInAsync("evaluator@fsi.example", browser.App.DemoPassword);
        unnamed.AddRange(await UnnamedAsync(page, "/csp-evaluations"));

        await page.Context.ClearCookiesAsync();
        await page.SignInAsync("supervisor@fss.example", browser.App.DemoPassword);
        foreach (var path in new[] { "/reports", "/supervision/sector-risk", "/supervision/separation-exemptions", "/continuity/joint-drills", "/exchange" })
        {
            unnamed.AddRange(await UnnamedAsync(page, path));
        }

        unnamed.ShouldBeEmpty();
    });
}
