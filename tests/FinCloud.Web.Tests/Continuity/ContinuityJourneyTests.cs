using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FinCloud.Web.Tests.Browser;
using FinCloud.Web.Tests.Documents;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Continuity;

/// <summary>
/// The journey in Korean: an officer plans and records a DR switchover drill in which one core system misses
/// its RTO; the finding and its remediation task appear, the dashboard shows the miss, and the drill report says so.
/// </summary>
public sealed class ContinuityJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static ContinuityJourneyTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public Task The_DR_page_shows_twenty_systems_the_uncovered_core_ones_first_and_all_on_request() => browser.RunAsync("dr-show-all", async page =>
    {
        await page.SignInAsync("officer@hanbit.example", browser.App.DemoPassword);
        await page.GotoAsync("/continuity/dr");
        await page.WaitUntilReadyAsync();
        var rows = page.GetByTestId("dr-systems").Locator("tbody tr");
        var more = page.GetByTestId("systems-more");
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(await more.InnerTextAsync(), "([0-9]+)건 중").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        total.ShouldBeGreaterThan(20, "the demo bank runs more systems than one screen shows");
        (await rows.CountAsync()).ShouldBe(20);

        await more.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(total);
        var flagged = (await rows.EvaluateAllAsync<bool[]>("rows => rows.map(r => r.classList.contains('bad'))")).ToList();
        flagged.SkipWhile(bad => bad).ShouldNotContain(true, "core systems without DR lead the table");
        await more.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(20);
    });

    [Fact]
    public Task A_drill_where_a_core_system_misses_its_rto_raises_a_finding_and_shows_on_the_dashboard() => browser.RunAsync("continuity-journey", async page =>
    {
        await page.SignInAsync("officer@hanbit.example", browser.App.DemoPassword);

        // Plan: the core 계정계 AP (RTO 1 h from 예금 입출금) and a support system.
        await page.GotoAsync("/continuity/drills");
        await page.WaitUntilReadyAsync();
        await page.GetByTestId("drill-title").FillAsync("저니 재해복구 전환훈련");
        await page.GetByTestId("drill-scenario").FillAsync("주전산센터 화재");
        await page.GetByTestId("scope-SYS-001").CheckAsync();
        await page.GetByTestId("scope-SYS-100").CheckAsync();
        await page.GetByTestId("drill-plan").ClickAsync();
        await page.WaitForPageAsync("/continuity/drills/{id}");
        var drillId = page.Url.Split('/')[^1];

        // Record: 계정계 AP took 1 h 50 min against a 1 h RTO; the support system came back in 2 h against its 24 h.
        var day = await page.GetByTestId("executed-on").InputValueAsync();
        await page.GetByTestId("run-start-SYS-001").SetAsync($"{day}T00:10");
        await page.GetByTestId("run-end-SYS-001").SetAsync($"{day}T02:00");
        await page.GetByTestId("run-start-SYS-100").SetAsync($"{day}T00:10");
        await page.GetByTestId("run-end-SYS-100").SetAsync($"{day}T02:10");
        await page.GetByTestId("procedure").SelectOptionAsync(new SelectOptionValue { Label = "전산센터 소실 대응 절차 v2" });
        await Assertions.Expect(page.GetByTestId("procedure")).ToHaveValueAsync("전산센터 소실 대응 절차 v2");
        await page.GetByTestId("record-drill").ClickAsync();
        await page.GetByTestId("drill-results").Or(page.GetByTestId("record-error")).WaitForAsync();
        if (await page.GetByTestId("record-error").CountAsync() > 0)
        {
            throw new InvalidOperationException(await page.GetByTestId("record-error").InnerTextAsync());
        }

        var results = page.GetByTestId("drill-result-row");
        await Assertions.Expect(results).ToHaveCountAsync(2);
        await Assertions.Expect(results.Filter(new() { HasText = "계정계 AP" })).ToContainTextAsync("미달성");
        await Assertions.Expect(results.Filter(new() { HasText = "업무지원" })).ToContainTextAsync("달성");
        var finding = page.GetByTestId("finding-row").Filter(new() { HasText = "계정계 AP" });
        await Assertions.Expect(finding).ToContainTextAsync("RTO 미달성");
        await Assertions.Expect(finding.GetByTestId("remediation-task")).ToContainTextAsync("개선:");
        await BrowserFixture.ScreenshotAsync(page, "continuity-drill-recorded");

        // The dashboard: the RTO chart marks 계정계 AP as missed, and the open remediation is counted.
        await page.GotoAsync("/continuity");
        await page.WaitUntilReadyAsync();
        await Assertions.Expect(page.Locator("[data-testid=chart-rto] g[data-system='계정계 AP']")).ToHaveAttributeAsync("data-met", "missed");
        await Assertions.Expect(page.GetByTestId("open-remediations")).ToContainTextAsync("미완료 개선 과제");
        await BrowserFixture.ScreenshotAsync(page, "continuity-dashboard");

        // The drill's own report, XLSX and PDF, downloaded with the officer's session.
        var xlsx = await page.APIRequest.GetAsync($"/continuity/export/drills.xlsx?drillId={drillId}");
        xlsx.Ok.ShouldBeTrue();
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(await xlsx.BodyAsync()), false))
        {
            var part = doc.WorkbookPart!.WorksheetParts.First();
            var rows = part.Worksheet!.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList())
                .ToList();
            var core = rows.Single(r => r[4] == "계정계 AP");
            (core[5], core[6], core[7]).ShouldBe(("1시간 00분", "1시간 50분", "미달성"));
            core[10].ShouldBe("전산센터 소실 대응 절차 v2");
        }

        var pdf = await page.APIRequest.GetAsync($"/continuity/export/drills.pdf?drillId={drillId}");
        pdf.Ok.ShouldBeTrue();
        var text = await DocumentTests.PdfTextAsync(await pdf.BodyAsync());
        text.ShouldContain("비상대응훈련 결과 보고서");
        text.ShouldContain("계정계 AP");
        text.ShouldContain("미달성");
    });
}
