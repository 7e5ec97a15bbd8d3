using FinCloud.Core.Identity;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>
/// An institution's administrator invites a colleague; the colleague opens the link in their own browser, sets a
/// password and is signed in with the roles; the administrator then changes the roles.
/// </summary>
public sealed class MemberJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Password = "Aa1!" + Guid.NewGuid().ToString("N");

    [Fact]
    public Task An_administrator_invites_a_colleague_who_sets_a_password_and_gets_the_roles() => browser.RunAsync("member-journey", async page =>
    {
        var org = await browser.App.CreateOrganizationAsync();
        var (_, adminEmail) = await browser.App.CreateMemberAsync(org, OrganizationRole.Administrator, Password, "정보보호 관리자");
        await page.SignInAsync(adminEmail, Password);
        await page.GotoAsync("/admin");

        // Refused in Korean at the field; what was typed stays.
        await page.GetByLabel("이메일", new() { Exact = true }).FillAsync("kim.officer@");
        await page.GetByLabel("이름", new() { Exact = true }).FillAsync("김신입");
        await page.GetByRole(AriaRole.Button, new() { Name = "초대 메일 보내기" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-message").First).ToContainTextAsync("올바른 이메일 주소를 입력하세요.");
        (await page.GetByLabel("이름", new() { Exact = true }).InputValueAsync()).ShouldBe("김신입");

        var email = $"kim-{Guid.NewGuid():N}@member.example";
        await page.GetByLabel("이메일", new() { Exact = true }).FillAsync(email);
        var inviteForm = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "초대 메일 보내기" }) });
        await inviteForm.GetByLabel("담당자", new() { Exact = true }).CheckAsync();
        await inviteForm.GetByLabel("위원", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "초대 메일 보내기" }).ClickAsync();
        var link = await page.GetByTestId("invitation-link").InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("invitations")).ToContainTextAsync("대기 중");
        await BrowserFixture.ScreenshotAsync(page, "64-admin-invitation");

        var colleague = await browser.AnotherBrowserAsync("colleague");
        await colleague.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(colleague.GetByTestId("invitation-email")).ToHaveTextAsync(email);
        await colleague.GetByLabel("새 비밀번호", new() { Exact = true }).FillAsync("short");
        await colleague.GetByLabel("새 비밀번호 확인").FillAsync("short");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "계정 만들기" }).ClickAsync();
        await Assertions.Expect(colleague.Locator(".validation-message").First).ToContainTextAsync("비밀번호는 12자 이상이어야 합니다.");
        await BrowserFixture.ScreenshotAsync(colleague, "65-accept-invitation");
        await colleague.GetByLabel("새 비밀번호", new() { Exact = true }).FillAsync(Password);
        await colleague.GetByLabel("새 비밀번호 확인").FillAsync(Password);
        await colleague.GetByRole(AriaRole.Button, new() { Name = "계정 만들기" }).ClickAsync();
        await Assertions.Expect(colleague.GetByText("김신입님, 환영합니다")).ToBeVisibleAsync();

        await page.GotoAsync("/admin");
        await Assertions.Expect(page.GetByTestId("invitations")).ToContainTextAsync("가입 완료");
        var row = page.Locator($"tr[data-member='{email}']");
        await Assertions.Expect(row).ToContainTextAsync("담당자, 위원");
        await row.GetByText("역할 변경").ClickAsync();
        await row.GetByLabel("위원", new() { Exact = true }).UncheckAsync();
        await row.GetByLabel("감사(읽기 전용)", new() { Exact = true }).CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "저장" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("member-message")).ToContainTextAsync("김신입님의 역할을 바꿨습니다.");
        await Assertions.Expect(page.Locator($"tr[data-member='{email}']")).ToContainTextAsync("담당자, 감사(읽기 전용)");
    });
}
