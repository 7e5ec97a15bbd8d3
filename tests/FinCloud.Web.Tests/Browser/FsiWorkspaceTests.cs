using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>대표평가 in the browser: the FSI plans an evaluation, records item results and publishes; an institution sees the result.</summary>
public sealed class FsiWorkspaceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitUntilReadyAsync();
    }

    [Fact]
    public Task The_fsi_publishes_an_evaluation_and_an_institution_sees_it_in_its_csp_registry() => browser.RunAsync("fsi-workspace", async page =>
    {
        var provider = "브라우저클라우드 " + Guid.NewGuid().ToString("N")[..6];
        await page.SignInAsync("evaluator@fsi.example", browser.App.DemoPassword);
        await OpenAsync(page, "/csp-evaluations");

        // The plan form's fields are named by their labels (for screen readers and for this test alike).
        await page.GetByLabel("CSP", new() { Exact = true }).FillAsync(provider);
        await page.GetByLabel("서비스", new() { Exact = true }).FillAsync("상담 SaaS");
        await page.GetByLabel("서비스 모델").SelectOptionAsync(new SelectOptionValue { Label = "SaaS" });
        await page.GetByLabel("평가 구분").SelectOptionAsync("Comprehensive");
        (await page.GetByTestId("plan").InnerTextAsync()).ShouldBe("계획");
        await page.GetByTestId("plan").ClickAsync();
        var evaluation = page.GetByTestId("fsi-evaluation").Filter(new LocatorFilterOptions { HasText = provider });
        await evaluation.WaitForAsync();
        (await evaluation.GetByTestId("evaluation-state").InnerTextAsync()).ShouldContain("작성 중");

        // Two item results: the first item met, the second not applicable.
        var items = evaluation.GetByTestId("item-id").Locator("option");
        var first = await items.Nth(0).GetAttributeAsync("value");
        var second = await items.Nth(1).GetAttributeAsync("value");
        await evaluation.GetByTestId("item-id").SelectOptionAsync(first!);
        await evaluation.GetByTestId("item-outcome").SelectOptionAsync("Met");
        await evaluation.GetByTestId("record-item").ClickAsync();
        await evaluation.GetByTestId("item-row").Filter(new LocatorFilterOptions { HasText = first }).WaitForAsync();
        await evaluation.GetByTestId("item-id").SelectOptionAsync(second!);
        await evaluation.GetByTestId("item-outcome").SelectOptionAsync("NotApplicable");
        await evaluation.GetByTestId("record-item").ClickAsync();
        await evaluation.GetByTestId("item-row").Filter(new LocatorFilterOptions { HasText = second }).WaitForAsync();
        (await evaluation.GetByTestId("item-row").CountAsync()).ShouldBe(2);
        // Each row names its item, not only its number.
        (await evaluation.GetByTestId("item-row").First.InnerTextAsync()).Length.ShouldBeGreaterThan(first!.Length + 8);
        await BrowserFixture.ScreenshotAsync(page, "50-fsi-evaluation-draft");

        await evaluation.GetByTestId("publish").ClickAsync();
        // The state line names the verdict once published ("공개 상태" alone is its label).
        await evaluation.GetByTestId("evaluation-state").Filter(new LocatorFilterOptions { HasText = "적합" }).WaitForAsync();
        (await evaluation.GetByTestId("evaluation-state").InnerTextAsync()).ShouldNotContain("작성 중");
        (await evaluation.GetByTestId("publish").CountAsync()).ShouldBe(0, "a published result is no longer edited");
        await BrowserFixture.ScreenshotAsync(page, "51-fsi-evaluation-published");

        await page.Context.ClearCookiesAsync();
        await page.SignInAsync("officer@hanbit.example", browser.App.DemoPassword);
        await OpenAsync(page, "/csp-evaluations");
        var result = page.GetByTestId("fsi-result").Filter(new LocatorFilterOptions { HasText = provider });
        await result.WaitForAsync();
        var row = await result.InnerTextAsync();
        row.ShouldContain("상담 SaaS");
        row.ShouldContain("종합평가");
        row.ShouldContain("적합");
        await BrowserFixture.ScreenshotAsync(page, "52-institution-csp-registry-fsi-results");
    });
}
