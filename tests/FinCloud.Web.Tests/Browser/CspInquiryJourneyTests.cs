using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>
/// CSP 자료 요청: the bank's officer creates a link on the CSP evaluation page; the CSP, with no account, answers the
/// remaining items (a missing answer is refused and what was typed stays); the officer sees each answer beside the items.
/// </summary>
public sealed class CspInquiryJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_csp_answers_through_its_link_without_an_account() => browser.RunAsync("csp-inquiry", async page =>
    {
        var bank = await browser.App.OrganizationIdAsync("한빛은행");
        var caseId = await browser.App.WithDbAsync(db => db.CloudUseCases.Where(c => c.Title == "여신 심사 보조 SaaS").Select(c => c.Id).SingleAsync(), bank);
        await page.SignInAsync("officer@hanbit.example", browser.App.DemoPassword);
        await page.GotoAsync($"/cloud-use/cases/{caseId}/csp-evaluation");
        await page.WaitUntilReadyAsync();
        await page.GetByTestId("inquiry-recipient").SetAsync("가상클라우드 보안인증팀");
        await page.GetByTestId("inquiry-send").ClickAsync();
        var link = await page.GetByTestId("inquiry-link").InnerTextAsync();
        link.ShouldContain("/csp-response/");
        (await page.GetByTestId("inquiry-row").InnerTextAsync()).ShouldContain("답변 대기");

        // The CSP: another browser, nobody signed in.
        var csp = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "ko-KR", TimezoneId = "Asia/Seoul" });
        await csp.GotoAsync(link);
        (await csp.GetByTestId("csp-response-institution").InnerTextAsync()).ShouldBe("한빛은행");
        var items = csp.GetByTestId("csp-response-items").Locator("tbody tr");
        var count = await items.CountAsync();
        count.ShouldBeGreaterThan(1);
        await csp.GetByLabel("답변자 (이름·직책)").FillAsync("김보안 (가상클라우드 CISO)");
        for (var n = 1; n < count; n++)
        {
            await items.Nth(n).Locator("select").SelectOptionAsync("Met");
        }

        var firstId = await items.Nth(0).Locator("td").First.InnerTextAsync();
        await items.Nth(0).Locator("textarea").FillAsync("DR 리전 이중화 구성은 2027년 1분기 완료 예정");
        await csp.GetByTestId("csp-response-submit").ClickAsync();
        (await csp.GetByTestId("csp-response-error").InnerTextAsync()).ShouldBe($"답하지 않은 항목이 있습니다: {firstId}");
        (await items.Nth(0).Locator("textarea").InputValueAsync()).ShouldBe("DR 리전 이중화 구성은 2027년 1분기 완료 예정");
        (await items.Nth(1).Locator("select").InputValueAsync()).ShouldBe("Met");
        (await csp.GetByLabel("답변자 (이름·직책)").InputValueAsync()).ShouldBe("김보안 (가상클라우드 CISO)");

        await items.Nth(0).Locator("select").SelectOptionAsync("NotMet");
        await csp.GetByTestId("csp-response-submit").ClickAsync();
        (await csp.GetByTestId("csp-response-state").InnerTextAsync()).ShouldBe("답변이 제출되었습니다. 감사합니다.");
        await csp.GotoAsync(link);   // one submission: the link now only says so
        (await csp.GetByTestId("csp-response-state").InnerTextAsync()).ShouldBe("답변이 제출되었습니다. 감사합니다.");
        await csp.CloseAsync();

        await page.GotoAsync($"/cloud-use/cases/{caseId}/csp-evaluation");
        await page.WaitUntilReadyAsync();
        (await page.GetByTestId("inquiry-row").InnerTextAsync()).ShouldContain("김보안 (가상클라우드 CISO)");
        (await page.GetByTestId($"csp-answer-{firstId}").InnerTextAsync()).ShouldBe("미충족: DR 리전 이중화 구성은 2027년 1분기 완료 예정");
        await BrowserFixture.ScreenshotAsync(page, "17-csp-inquiry-answers");
    });
}
