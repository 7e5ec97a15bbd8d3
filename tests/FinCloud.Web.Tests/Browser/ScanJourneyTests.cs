using System.Text;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>A data scan from the browser: upload, live progress to completion, the result with masked samples.</summary>
public sealed class ScanJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task An_officer_uploads_an_export_and_reads_its_masked_result() => browser.RunAsync("scan-journey", async page =>
    {
        await page.SignInAsync("officer@hanbit.example", browser.App.DemoPassword);

        await page.GotoAsync("/scans");
        await page.WaitUntilReadyAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("데이터 스캔");
        var export = "고객번호,주민등록번호,휴대폰\nC1,900101-1234568,010-1234-5678\nC2,800101-2345672,010-9876-5432\n";

        // The file input speaks Korean (not the browser's "Choose File") and is named by its label for the keyboard.
        var picker = page.Locator(".file-picker").Filter(new LocatorFilterOptions { Has = page.GetByTestId("scan-upload") });
        (await picker.InnerTextAsync()).ShouldContain("파일 선택");
        (await picker.InnerTextAsync()).ShouldContain("선택한 파일 없음");
        await Assertions.Expect(page.GetByLabel("파일 선택")).ToHaveAttributeAsync("data-testid", "scan-upload");
        await page.GetByTestId("scan-upload").SetInputFilesAsync(new FilePayload
        {
            Name = "customers.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(export),
        });

        // The list refreshes itself until the job is done.
        var job = page.GetByTestId("scan-job").Filter(new LocatorFilterOptions { HasText = "customers.csv" });
        await page.Locator("[data-testid=scan-job][data-status=Completed]").WaitForAsync();
        (await job.GetByTestId("scan-job-status").InnerTextAsync()).ShouldBe("완료");
        (await job.GetByTestId("scan-job-findings").InnerTextAsync()).ShouldBe("4");
        (await picker.InnerTextAsync()).ShouldContain("customers.csv");
        (await job.GetByTestId("scan-progress").GetAttributeAsync("value")).ShouldBe("100");
        await BrowserFixture.ScreenshotAsync(page, "40-scan-jobs");

        await job.GetByTestId("scan-job-link").ClickAsync();
        await page.GetByTestId("result-counts").WaitForAsync();
        (await page.Locator("[data-testid=result-count][data-type=rrn] td").Nth(1).InnerTextAsync()).ShouldBe("2");
        (await page.Locator("[data-testid=result-count][data-type=phone] td").Nth(1).InnerTextAsync()).ShouldBe("2");
        (await page.Locator("[data-testid=result-count][data-type=rrn] td").Nth(0).InnerTextAsync()).ShouldBe("주민등록번호");
        var samples = await page.GetByTestId("result-samples").InnerTextAsync();
        samples.ShouldContain("900101-1******");
        samples.ShouldNotContain("high", Case.Sensitive, "confidence reads 높음/보통/낮음");
        samples.ShouldNotContain("medium");
        (await page.ContentAsync()).ShouldNotContain("1234568");
        (await page.GetByTestId("result-sha256").InnerTextAsync()).Length.ShouldBe(64);
        await BrowserFixture.ScreenshotAsync(page, "41-scan-result");
    });
}
