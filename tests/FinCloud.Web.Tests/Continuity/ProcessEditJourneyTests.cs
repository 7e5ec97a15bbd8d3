using FinCloud.Web.Tests.Browser;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Continuity;

/// <summary>
/// Editing the BIA in the browser: the server names each wrong field and the form keeps what was typed; a saved process
/// gets a dependency, the graph check reports the slower dependency, and the list finds the process.
/// </summary>
public sealed class ProcessEditJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static ProcessEditJourneyTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public Task An_officer_fixes_the_named_fields_saves_a_process_and_sees_the_slower_dependency_flagged() => browser.RunAsync("process-edit-journey", async page =>
    {
        await page.SignInAsync("officer@hanbit.example", browser.App.DemoPassword);

        await page.GotoAsync("/continuity/processes");
        await page.WaitUntilReadyAsync();
        await page.GetByTestId("new-process").ClickAsync();
        await page.WaitForPageAsync("/continuity/processes/new");

        // A core process without its rationale, under a code the bank already uses.
        await page.GetByTestId("p-code").SetAsync("BP-01");
        await page.GetByTestId("p-name").SetAsync("외화 환전 예약");
        await page.GetByTestId("p-department").SetAsync("외환부");
        await page.GetByTestId("p-rto").SetAsync("120");
        await page.GetByTestId("p-core").CheckAsync();
        await page.GetByTestId("impact-after-0").SetAsync("60");
        await page.GetByTestId("impact-loss-0").SetAsync("50000000");
        await page.GetByTestId("p-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-coreRationale")).ToContainTextAsync("사유");
        await Assertions.Expect(page.GetByTestId("p-name")).ToHaveValueAsync("외화 환전 예약");
        await Assertions.Expect(page.GetByTestId("impact-loss-0")).ToHaveValueAsync("50000000");

        await page.GetByTestId("p-rationale").SetAsync("대고객 외화 지급 중단 시 민원·규제 영향");
        await page.GetByTestId("p-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-code")).ToContainTextAsync("BP-01");
        await Assertions.Expect(page.GetByTestId("error-coreRationale")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("p-rationale")).ToHaveValueAsync("대고객 외화 지급 중단 시 민원·규제 영향");

        await page.GetByTestId("p-code").SetAsync("BP-90");
        await page.GetByTestId("p-save").ClickAsync();
        await page.WaitForPageAsync("/continuity/processes/{id}");
        await Assertions.Expect(page.GetByTestId("p-code")).ToHaveValueAsync("BP-90");
        await Assertions.Expect(page.GetByTestId("dependencies-empty")).ToBeVisibleAsync();

        // The process now depends on infrastructure built to recover in 8 h, against its 2 h RTO.
        var option = page.Locator("[data-testid=dep-target] option", new() { HasText = "INF-07" });
        var value = await option.GetAttributeAsync("value");
        await page.GetByTestId("dep-target").SelectOptionAsync(value!);
        await page.GetByTestId("dep-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dependency-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("graph-message").First).ToContainTextAsync("RTO 충돌: 외화 환전 예약");
        await BrowserFixture.ScreenshotAsync(page, "continuity-process-edit");

        // The list finds it by search (once its first page is in, so the search is not overtaken by it).
        await page.GotoAsync("/continuity/processes");
        await page.WaitUntilReadyAsync();
        await Assertions.Expect(page.GetByTestId("list-position")).ToContainTextAsync("41");
        await page.GetByTestId("list-search").SetAsync("bp-90");
        await page.GetByTestId("list-search").PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("list-position")).ToContainTextAsync("전체 1건");
        await Assertions.Expect(page.GetByTestId("process-link")).ToHaveTextAsync("외화 환전 예약");
    });
}
