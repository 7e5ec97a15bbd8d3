using System.Net.Http.Json;
using FinCloud.Core.Identity;
using FinCloud.Web.Tests.Account;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>
/// An administrator connects the organisation's identity provider; a member then signs in through it in a real browser.
/// The provider answers as <c>localhost</c> and the app as 127.0.0.1, so the way back is cross-site, as it is in
/// production, and the SameSite=Strict sign-in cookie must still reach the page the member was going to.
/// </summary>
public sealed class SingleSignOnJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Password = "Aa1!" + Guid.NewGuid().ToString("N");

    [Fact]
    public Task An_administrator_connects_the_provider_and_a_member_signs_in_through_it() => browser.RunAsync("sso-journey", async page =>
    {
        await using var idp = await FakeIdentityProvider.StartAsync("localhost");
        var org = await browser.App.CreateOrganizationAsync();
        var domain = $"j{Guid.NewGuid():N}"[..12] + ".example";
        var (_, adminEmail) = await browser.App.CreateMemberAsync(org, OrganizationRole.Administrator, Password, "정보보호 관리자", $"admin@{domain}");
        var (_, officerEmail) = await browser.App.CreateMemberAsync(org, OrganizationRole.Officer, Password, "클라우드 담당자", $"officer@{domain}");

        await page.SignInAsync(adminEmail, Password);
        await page.GotoAsync("/admin#sso");
        await page.GetByLabel("발급자(issuer) 주소").FillAsync(idp.Authority);
        await page.GetByLabel("클라이언트 ID").FillAsync(FakeIdentityProvider.ClientId);
        await page.GetByLabel("이메일 도메인").FillAsync(domain);
        await page.GetByLabel("SSO 로그인 사용").CheckAsync();
        await page.GetByTestId("sso-save").ClickAsync();
        await Assertions.Expect(page.Locator("div.validation-message")).ToHaveTextAsync("클라이언트 시크릿을 입력하세요.");
        (await page.GetByLabel("이메일 도메인").InputValueAsync()).ShouldBe(domain, "what was typed stays");
        await page.GetByLabel("클라이언트 시크릿").FillAsync(idp.ClientSecret);
        await page.GetByTestId("sso-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sso-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sso-status")).ToContainTextAsync("사용 중");
        await Assertions.Expect(page.GetByTestId("sso-redirect-uri")).ToHaveTextAsync(browser.App.ServerAddress.ToString().TrimEnd('/') + "/account/sso/callback");
        (await page.GetByLabel("클라이언트 시크릿").InputValueAsync()).ShouldBeEmpty("the secret is never shown again");
        await page.GetByTestId("sso-status").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "64-admin-sso-settings");
        await page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();

        // The member asks for a page, is sent to sign in, and goes through the provider.
        idp.SignedIn = new FakeIdentityProvider.Person("officer-subject", officerEmail);
        await page.GotoAsync("/cloud-use");
        await page.Locator("#sso-email").FillAsync($"nobody@elsewhere-{domain}");
        await page.GetByTestId("sso-sign-in").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sso-error")).ToHaveTextAsync("이 이메일 도메인에는 SSO가 설정되어 있지 않습니다. 비밀번호로 로그인하세요.");
        await BrowserFixture.ScreenshotAsync(page, "65-sign-in-sso");
        await page.Locator("#sso-email").FillAsync(officerEmail);
        await page.GetByTestId("sso-sign-in").ClickAsync();
        await page.WaitForPageAsync("/cloud-use");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" })).ToBeVisibleAsync();
        idp.LastAuthorization.ShouldNotBeNull("the browser went through the provider");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText("클라우드 담당자님, 환영합니다")).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_provider_provisions_a_member_who_signs_in_and_is_deactivated() => browser.RunAsync("scim-journey", async page =>
    {
        await using var idp = await FakeIdentityProvider.StartAsync("localhost");
        var org = await browser.App.CreateOrganizationAsync();
        var domain = $"p{Guid.NewGuid():N}"[..12] + ".example";
        var (_, adminEmail) = await browser.App.CreateMemberAsync(org, OrganizationRole.Administrator, Password, "정보보호 관리자", $"admin@{domain}");
        // The browser fixture's app listens on a real port: the provider's calls go there too.
        using var api = new HttpClient { BaseAddress = browser.App.ServerAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await browser.App.CreateApiKeyAsync(org)).Secret);
        using (var sso = await api.PutAsJsonAsync("/api/organization/sso",
                   new { authority = idp.Authority, clientId = FakeIdentityProvider.ClientId, clientSecret = idp.ClientSecret, emailDomains = new[] { domain }, enabled = true }))
        {
            sso.EnsureSuccessStatusCode();
        }

        // The provider creates the member: no invitation, no password.
        var email = $"lee@{domain}";
        using var created = await api.PostAsync("/api/scim/v2/Users", new StringContent(
            $$"""{"userName":"{{email}}","name":{"familyName":"이","givenName":"서연"},"emails":[{"value":"{{email}}","primary":true}],"active":true}""",
            System.Text.Encoding.UTF8, "application/scim+json"));
        created.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        await page.SignInAsync(adminEmail, Password);
        await page.GotoAsync("/admin");
        var row = page.Locator($"tr[data-member='{email}']");
        await Assertions.Expect(row).ToContainTextAsync("이서연");
        await Assertions.Expect(row.GetByTestId("scim-provisioned")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("담당자");
        await Assertions.Expect(page.GetByTestId("scim-url")).ToHaveTextAsync(browser.App.ServerAddress.ToString().TrimEnd('/') + "/api/scim/v2");
        await Assertions.Expect(page.GetByTestId("scim-accounts")).ToHaveTextAsync("활성 1명 · 비활성 0명");
        await page.GetByTestId("scim-status").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "66-admin-scim-provisioning");
        await page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();

        // The provisioned member signs in through the provider.
        idp.SignedIn = new FakeIdentityProvider.Person("lee-subject", email);
        await page.GotoAsync("/cloud-use");
        await page.Locator("#sso-email").FillAsync(email);
        await page.GetByTestId("sso-sign-in").ClickAsync();
        await page.WaitForPageAsync("/cloud-use");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText("이서연님, 환영합니다")).ToBeVisibleAsync();

        // Signing out of an SSO session goes through the provider's end-session endpoint and back to the sign-in page.
        await page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login$"));
        idp.LastLogout.ShouldNotBeNull("the browser went through the provider's sign-out");

        // Deactivated at the provider: gone from the member list, and SSO no longer signs them in.
        using (var deactivated = await api.PatchAsync(new Uri($"/api/scim/v2/Users/{id}", UriKind.Relative), new StringContent(
                   """{"Operations":[{"op":"Replace","path":"active","value":"False"}]}""", System.Text.Encoding.UTF8, "application/scim+json")))
        {
            deactivated.EnsureSuccessStatusCode();
        }

        await page.GotoAsync("/cloud-use");
        await page.Locator("#sso-email").FillAsync(email);
        await page.GetByTestId("sso-sign-in").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sso-error")).ToContainTextAsync("구성원이 아닙니다");
        await page.SignInAsync(adminEmail, Password);
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.Locator($"tr[data-member='{email}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("scim-accounts")).ToHaveTextAsync("활성 0명 · 비활성 1명");
        await Assertions.Expect(page.GetByTestId("scim-inactive")).ToContainTextAsync("이서연");
        await Assertions.Expect(page.GetByTestId("scim-inactive")).ToContainTextAsync(email);
    });
}
