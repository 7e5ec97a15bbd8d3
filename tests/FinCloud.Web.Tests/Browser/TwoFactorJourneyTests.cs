using FinCloud.Core.Identity;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>
/// An institution's administrator turns on 2단계 인증 with the QR code, keeps the recovery codes and requires it of
/// everyone; an officer is held at the set-up page until they have it, then signs in with a recovery code.
/// </summary>
public sealed class TwoFactorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Password = "Aa1!" + Guid.NewGuid().ToString("N");

    [Fact]
    public Task An_administrator_requires_two_factor_and_an_officer_sets_it_up_and_later_uses_a_recovery_code() => browser.RunAsync("two-factor-journey", async page =>
    {
        // An organisation of its own: the policy must not reach the other journeys' demo users.
        var org = await browser.App.CreateOrganizationAsync();
        var (_, adminEmail) = await browser.App.CreateMemberAsync(org, OrganizationRole.Administrator, Password, "정보보호 관리자");
        var (_, officerEmail) = await browser.App.CreateMemberAsync(org, OrganizationRole.Officer, Password, "클라우드 담당자");

        await page.SignInAsync(adminEmail, Password);
        await page.GotoAsync("/admin");
        await page.GetByTestId("toggle-two-factor-policy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("member-message")).ToContainTextAsync("먼저 본인의 2단계 인증을 켜야");

        await page.GetByRole(AriaRole.Link, new() { Name = "내 계정" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("qr-code")).ToBeVisibleAsync();
        (await page.GetByTestId("qr-code").EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(100);
        var key = (await page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "60-two-factor-set-up");

        await page.GetByLabel("인증 코드").FillAsync("12 34");
        await page.GetByRole(AriaRole.Button, new() { Name = "2단계 인증 켜기" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-message")).ToHaveTextAsync("인증 코드가 올바르지 않습니다.");
        (await page.GetByLabel("인증 코드").InputValueAsync()).ShouldBe("12 34");
        await page.GetByLabel("인증 코드").FillAsync(AuthenticatorApp.Now(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "2단계 인증 켜기" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("two-factor-on")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "61-two-factor-recovery-codes");

        await page.GotoAsync("/admin");
        await page.GetByTestId("toggle-two-factor-policy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("member-message")).ToHaveTextAsync("모든 구성원에게 2단계 인증을 필수로 설정했습니다.");
        await Assertions.Expect(page.GetByTestId("two-factor-policy")).ToContainTextAsync("현재: 모든 구성원 필수.");
        await Assertions.Expect(page.GetByTestId("two-factor-policy")).ToContainTextAsync("2단계 인증을 켜지 않은 구성원: 1명.");
        await BrowserFixture.ScreenshotAsync(page, "62-admin-two-factor-policy");

        // The officer, password only, is held at the set-up page: no menu, any page leads back.
        await page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();
        await page.SignInAsync(officerEmail, Password);
        await page.GotoAsync("/cloud-use");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/two-factor\\?returnUrl=%2Fcloud-use$"));
        await Assertions.Expect(page.GetByTestId("two-factor-required")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "클라우드 이용" })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "63-two-factor-required");
        var officerKey = (await page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("인증 코드").FillAsync(AuthenticatorApp.Now(officerKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "2단계 인증 켜기" }).ClickAsync();
        var recovery = await page.GetByTestId("recovery-codes").Locator("li").First.InnerTextAsync();
        await page.GetByTestId("continue").ClickAsync();
        await page.WaitForPageAsync("/cloud-use");

        // Phone lost: one recovery code signs the officer in, once.
        await page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(officerEmail);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByTestId("use-recovery-code").ClickAsync();
        await page.GetByLabel("복구 코드").FillAsync(recovery.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "로그인" }).ClickAsync();
        await Assertions.Expect(page.GetByText("클라우드 담당자님, 환영합니다")).ToBeVisibleAsync();
        await page.GotoAsync("/account/two-factor");
        await Assertions.Expect(page.GetByTestId("recovery-left")).ToHaveTextAsync("남은 복구 코드: 9개. 3개 이하이면 새로 발급하세요.");
        await Assertions.Expect(page.GetByTestId("disable-blocked")).ToBeVisibleAsync();
    });
}
