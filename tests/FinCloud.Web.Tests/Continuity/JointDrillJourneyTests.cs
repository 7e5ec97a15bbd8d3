using FinCloud.Web.Tests.Browser;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Continuity;

/// <summary>
/// The sector-wide joint drill in Korean, across two organisations: the FSS schedules a drill for the banking sector,
/// the bank links its own executed drill and submits its result, and the FSS sees the bank has reported.
/// </summary>
public sealed class JointDrillJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static JointDrillJourneyTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public Task The_fss_schedules_a_joint_drill_a_bank_submits_its_result_and_the_fss_sees_it() => browser.RunAsync("joint-drill-journey", async supervisorPage =>
    {
        // The FSS schedules a switchover drill for the banking sector with KFTC as the linked external institution.
        await supervisorPage.SignInAsync("supervisor@fss.example", browser.App.DemoPassword);
        await supervisorPage.GotoAsync("/continuity/joint-drills");
        await supervisorPage.WaitUntilReadyAsync();
        await supervisorPage.GetByTestId("jd-title").FillAsync("은행권 공동 재해복구 전환훈련");
        await supervisorPage.GetByTestId("jd-scenario").FillAsync("주전산센터 화재로 금융결제원 대외망을 재해복구센터로 전환");
        await supervisorPage.GetByTestId("jd-sector").SelectOptionAsync("Bank");
        await supervisorPage.GetByTestId("jd-schedule").ClickAsync();
        await supervisorPage.WaitForPageAsync("/continuity/joint-drills/{id}");
        var bankRow = supervisorPage.GetByTestId("joint-institution-row").Filter(new() { HasText = "한빛은행" });
        await Assertions.Expect(bankRow).ToHaveAttributeAsync("data-reported", "no");
        await Assertions.Expect(bankRow).ToContainTextAsync("미제출");

        // The bank sees the invitation, links its latest executed drill and submits.
        var bankPage = await browser.SignInAnotherUserAsync("officer@hanbit.example");
        await bankPage.GotoAsync("/continuity/joint-drills");
        await bankPage.WaitUntilReadyAsync();
        var invitation = bankPage.GetByTestId("joint-invitation-row").Filter(new() { HasText = "은행권 공동 재해복구 전환훈련" });
        await Assertions.Expect(invitation.GetByTestId("joint-invitation-status")).ToHaveTextAsync("참여 요청");
        await invitation.GetByTestId("joint-invitation-link").ClickAsync();
        await bankPage.WaitForPageAsync("/continuity/joint-drill-participations/{id}");
        await bankPage.GetByTestId("jp-drill").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await bankPage.GetByTestId("jp-issues").FillAsync("대외망 회선 절체가 수동");
        await bankPage.GetByTestId("jp-record").ClickAsync();
        await bankPage.GetByTestId("jp-submit").Or(bankPage.GetByTestId("error-drillId")).WaitForAsync();
        if (await bankPage.GetByTestId("error-drillId").CountAsync() > 0)
        {
            throw new InvalidOperationException(await bankPage.GetByTestId("error-drillId").InnerTextAsync());
        }

        await Assertions.Expect(bankPage.GetByTestId("participation-status")).ToHaveTextAsync("결과 기록 (미제출)");
        await Assertions.Expect(bankPage.GetByTestId("participation-system-row").First).ToBeVisibleAsync();
        await bankPage.GetByTestId("jp-submit").ClickAsync();
        await Assertions.Expect(bankPage.GetByTestId("participation-submitted")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(bankPage, "joint-drill-submitted");

        // The FSS sees the bank's result; institutions that have not reported stay flagged.
        await supervisorPage.ReloadAsync();
        await supervisorPage.WaitUntilReadyAsync();
        await Assertions.Expect(bankRow).ToHaveAttributeAsync("data-reported", "yes");
        await Assertions.Expect(bankRow).ToContainTextAsync("대외망 회선 절체가 수동");
        await Assertions.Expect(supervisorPage.GetByTestId("joint-reported")).ToHaveTextAsync("1");
        await BrowserFixture.ScreenshotAsync(supervisorPage, "joint-drill-sector-outcome");
    });
}
