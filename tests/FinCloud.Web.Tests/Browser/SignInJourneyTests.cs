using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>Key journeys in a real browser; screenshots of each page go to artifacts/screenshots/.</summary>
public sealed class SignInJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task A_bank_officer_signs_in_in_korean_and_sees_only_the_bank() => browser.RunAsync("sign-in-korean", async page =>
    {
        await page.GotoAsync("/account/login");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("ko");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("FinCloud 로그인");
        (await page.Locator("label[for=password]").InnerTextAsync()).ShouldBe("비밀번호");
        await BrowserFixture.ScreenshotAsync(page, "01-login-ko");

        await page.SignInAsync("officer@hanbit.example", browser.App.DemoPassword);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("김담당님, 환영합니다");
        (await page.GetByTestId("organization-name").InnerTextAsync()).ShouldBe("한빛은행");
        (await page.GetByTestId("roles").InnerTextAsync()).ShouldBe("담당자");
        var navigation = await page.Locator("nav.sidebar").InnerTextAsync();
        foreach (var item in new[] { "클라우드 이용", "망분리 예외", "업무연속성", "데이터 스캔", "CSP 평가", "보고·제출", "감사 추적", "관리" })
        {
            navigation.ShouldContain(item);
        }

        // The home page: the earliest deadlines (the demo bank has an overdue committee resolution) and its workspaces.
        var next = page.GetByTestId("home-deadlines").Locator("li");
        (await next.CountAsync()).ShouldBe(5);
        (await next.First.InnerTextAsync()).ShouldContain("기한 경과");
        (await page.GetByTestId("workspaces").Locator("a").AllInnerTextsAsync())
            .ShouldBe(["클라우드 이용", "망분리 예외", "업무연속성", "데이터 스캔", "CSP 평가", "보고·제출"]);
        await BrowserFixture.ScreenshotAsync(page, "02-home-bank-officer");

        await page.Locator("nav.sidebar").GetByText("업무연속성").ClickAsync();
        await page.WaitForPageAsync("/continuity");
        await page.Locator("h1", new PageLocatorOptions { HasText = "업무연속성" }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "03-module-continuity");

        await page.GotoAsync("/admin");
        var members = await page.GetByTestId("members").InnerTextAsync();
        members.ShouldContain("김담당");
        members.ShouldNotContain("강담당"); // 새벽증권's officer
        // One row a person, with every role they hold.
        (await page.GetByTestId("members").Locator("tbody tr").CountAsync()).ShouldBe(5);
        (await page.GetByTestId("members").Locator("tr", new LocatorLocatorOptions { HasText = "이보안" }).InnerTextAsync()).ShouldContain("CISO·정보보호위원장, 위원");
        await BrowserFixture.ScreenshotAsync(page, "04-admin-members");
    });

    [Theory]
    [InlineData("supervisor@fss.example", "금융감독원", new[] { "보고 접수함", "업권 리스크 현황", "망분리 예외 감독", "공동 재해복구 훈련", "CSP 평가", "교환 번들" })]
    [InlineData("evaluator@fsi.example", "금융보안원", new[] { "CSP 평가", "교환 번들" })]
    public Task The_fss_and_the_fsi_see_their_own_workspaces_in_the_menu_and_on_the_home_page(string email, string organization, string[] workspaces) =>
        browser.RunAsync("home-" + email.Split('@')[1].Split('.')[0], async page =>
        {
            await page.SignInAsync(email, browser.App.DemoPassword);
            (await page.GetByTestId("organization-name").InnerTextAsync()).ShouldBe(organization);
            (await page.GetByTestId("workspaces").Locator("a").AllInnerTextsAsync()).ShouldBe(workspaces);
            var menu = await page.Locator("nav.sidebar a").AllInnerTextsAsync();
            menu.ShouldBe(["홈", "기한 현황", .. workspaces, "감사 추적", "관리", "해석 결정", "API 문서"]);
            menu.ShouldNotContain("클라우드 이용");
            menu.ShouldNotContain("데이터 스캔");
            await BrowserFixture.ScreenshotAsync(page, "08-home-" + email.Split('@')[1].Split('.')[0]);

            // Each workspace the home page offers opens for this organisation.
            foreach (var href in await page.GetByTestId("workspaces").Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            {
                var response = await page.GotoAsync("/" + href);
                response!.Status.ShouldBe(200, href);
                (await page.Locator("h1").CountAsync()).ShouldBeGreaterThan(0, href);
            }
        });

    [Fact]
    public Task The_first_tab_offers_a_skip_to_the_page_content() => browser.RunAsync("skip-link", async page =>
    {
        await page.SignInAsync("officer@hanbit.example", browser.App.DemoPassword);
        await page.GotoAsync("/deadlines");
        await page.WaitUntilReadyAsync();
        // The first thing the Tab key reaches from the top of the document (navigation itself puts the focus on the
        // page's heading, FocusOnNavigate).
        (await page.EvaluateAsync<string>("document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').textContent"))
            .ShouldBe("본문으로 건너뛰기");
        await page.Locator("a.skip-link").FocusAsync();
        (await page.Locator("a.skip-link").BoundingBoxAsync())!.X.ShouldBeGreaterThanOrEqualTo(0, "visible while focused");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<bool>("document.activeElement.closest('main') !== null")).ShouldBeTrue("the next Tab is in the content, not the header");
        new Uri(page.Url).AbsolutePath.ShouldBe("/deadlines", "the link stays on the page rather than following <base href> home");
    });

    [Fact]
    public Task An_administrator_verifies_the_audit_chain_on_the_audit_page() => browser.RunAsync("audit-verify", async page =>
    {
        await page.SignInAsync("admin@hanbit.example", browser.App.DemoPassword);
        await page.GotoAsync("/admin/audit");
        await page.WaitUntilReadyAsync();
        (await page.GetByTestId("audit-events").InnerTextAsync()).ShouldContain("로그인");
        await page.GetByTestId("verify-chain").ClickAsync();
        var result = page.GetByTestId("verify-result");
        await result.WaitForAsync();
        (await result.InnerTextAsync()).ShouldStartWith("체인이 온전합니다");
        await BrowserFixture.ScreenshotAsync(page, "05-audit-trail-verified");
    });

    [Fact]
    public Task The_english_switch_and_the_not_found_page_work_in_the_browser() => browser.RunAsync("english-and-404", async page =>
    {
        await page.GotoAsync("/account/login");
        await page.GetByText("English").ClickAsync();
        await page.Locator("h1", new PageLocatorOptions { HasText = "Sign in to FinCloud" }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "06-login-en");

        var response = await page.GotoAsync("/no/such/page");
        response!.Status.ShouldBe(404);
        (await page.GetByTestId("not-found").InnerTextAsync()).ShouldContain("Page not found");
        await page.GotoAsync("/culture/ko?returnUrl=/no/such/page");
        (await page.GetByTestId("not-found").InnerTextAsync()).ShouldContain("페이지를 찾을 수 없습니다");
        await BrowserFixture.ScreenshotAsync(page, "07-not-found-ko");
    });
}
