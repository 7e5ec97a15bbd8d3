using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Organizations;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>The FSS's sector risk view in Korean: concentration per CSP and region, the sector filter and late submissions.</summary>
public sealed class SectorRiskViewTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly DateTimeOffset Submitted = new(2026, 10, 8, 1, 0, 0, TimeSpan.Zero);

    private async Task<int> SeedAsync() =>
        await browser.App.WithDbAsync(async db =>
        {
            (string Institution, InstitutionSector Sector, string Title, string Csp, string Regions, bool Material, DateOnly Due)[] reports =
            [
                ("한빛은행", InstitutionSector.Bank, "계정계 DR", "가나클라우드", "kr-central-1,kr-central-2", true, new DateOnly(2026, 12, 1)),
                ("한빛은행", InstitutionSector.Bank, "고객상담 챗봇", "다라SaaS", "kr-central-1", false, new DateOnly(2026, 12, 1)),
                ("푸른은행", InstitutionSector.Bank, "인터넷뱅킹", "가나클라우드", "kr-central-1", true, new DateOnly(2026, 10, 1)),
                ("새벽증권", InstitutionSector.Securities, "주문 시스템", "가나클라우드", "kr-central-1", true, new DateOnly(2026, 12, 1)),
                ("새벽증권", InstitutionSector.Securities, "리서치 포털", "마바클라우드", "ap-northeast-2", true, new DateOnly(2026, 12, 1)),
            ];
            foreach (var r in reports)
            {
                db.Submissions.Add(Submission.Receive(SubmissionKind.CloudUseReport, SubmissionChannel.ExchangeBundle, r.Institution, r.Sector, null,
                    Guid.CreateVersion7(), Guid.CreateVersion7(), r.Title, "supervisor-report:new-contract", r.Due, "", Submitted, new string('a', 64), "{}",
                    new ReportedWorkload(r.Csp, r.Title + " 서비스", r.Regions, r.Material), db.Clock.GetUtcNow()));
            }

            return await db.SaveChangesAsync();
        }, await browser.App.OrganizationIdAsync("금융감독원"));

    [Fact]
    public Task The_supervisor_sees_material_workloads_concentrated_per_csp_and_region_and_filters_by_sector() => browser.RunAsync("sector-risk-view", async page =>
    {
        await SeedAsync();
        await page.SignInAsync("supervisor@fss.example", browser.App.DemoPassword);

        await page.GotoAsync("/reports");
        await page.WaitUntilReadyAsync();
        (await page.GetByTestId("inbox-row").CountAsync()).ShouldBe(5);
        var late = page.GetByTestId("inbox-row").Filter(new LocatorFilterOptions { HasText = "인터넷뱅킹" });
        (await late.GetByTestId("days-late").InnerTextAsync()).ShouldBe("7일 지연");
        (await late.GetAttributeAsync("class")).ShouldBe("bad");

        // The inbox is a list: searched by institution, filtered to late reports, sorted by days late.
        await page.GetByTestId("list-search").FillAsync("새벽");
        await page.GetByTestId("list-search").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("list-position")).ToContainTextAsync("전체 2건");
        await page.GetByTestId("list-search").FillAsync("");
        await page.GetByTestId("list-search").PressAsync("Enter");
        await page.GetByTestId("list-filter-late").SelectOptionAsync("late");
        await Assertions.Expect(page.GetByTestId("list-position")).ToContainTextAsync("전체 1건");
        (await page.GetByTestId("inbox-row").InnerTextAsync()).ShouldContain("푸른은행");
        await page.GetByTestId("list-filter-late").SelectOptionAsync("");
        await Assertions.Expect(page.GetByTestId("list-position")).ToContainTextAsync("전체 5건");
        await page.GetByTestId("list-sort-late").ClickAsync();
        await page.GetByTestId("list-sort-late").ClickAsync();
        await Assertions.Expect(page.GetByTestId("inbox-row").First).ToContainTextAsync("인터넷뱅킹");

        // A full load rather than a click: enhanced navigation would keep the inbox's ready marker attached for a moment.
        (await page.GetByTestId("sector-risk-link").GetAttributeAsync("href")).ShouldBe("supervision/sector-risk");
        await page.GotoAsync("/supervision/sector-risk");
        await page.WaitUntilReadyAsync();
        (await page.Locator("h1").AllInnerTextsAsync()).ShouldContain("업권 리스크 현황");
        (await page.GetByTestId("risk-counts").InnerTextAsync()).ShouldBe("기관 3곳 · 이용 5건 · 중요업무 4건");

        var cspRows = page.GetByTestId("table-csp").Locator("tbody tr");
        (await cspRows.First.InnerTextAsync()).ShouldStartWith("가나클라우드\t3\t3\t3");
        (await page.GetByTestId("chart-csp").Locator("[data-testid=bar-material]").CountAsync()).ShouldBe(3);
        var regionRows = page.GetByTestId("table-region").Locator("tbody tr");
        (await regionRows.First.InnerTextAsync()).ShouldStartWith("kr-central-1\t3\t4\t3");
        (await page.GetByTestId("risk-late").InnerTextAsync()).ShouldContain("푸른은행");
        await BrowserFixture.ScreenshotAsync(page, "40-fss-sector-risk");

        await page.GetByTestId("risk-sector").SelectOptionAsync("Securities");
        await page.GetByTestId("risk-counts").Filter(new LocatorFilterOptions { HasText = "기관 1곳" }).WaitForAsync();
        (await page.GetByTestId("risk-counts").InnerTextAsync()).ShouldBe("기관 1곳 · 이용 2건 · 중요업무 2건");
        (await page.GetByTestId("table-csp").Locator("tbody tr").CountAsync()).ShouldBe(2);
        (await page.GetByTestId("risk-late").InnerTextAsync()).ShouldContain("기한을 넘긴 제출이 없습니다.");
        await BrowserFixture.ScreenshotAsync(page, "41-fss-sector-risk-securities");
    });
}
