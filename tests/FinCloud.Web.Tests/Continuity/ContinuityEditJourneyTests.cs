using FinCloud.Rules;
using FinCloud.Rules.Continuity;
using FinCloud.Web.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Continuity;

/// <summary>
/// Editing the continuity register in the browser: a system's DR settings, a response procedure's new version (the
/// stale-runbook indicator follows its review date) and a role of the response organisation.
/// </summary>
public sealed class ContinuityEditJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static ContinuityEditJourneyTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public Task An_officer_edits_a_systems_dr_settings_and_the_server_names_the_wrong_field() => browser.RunAsync("continuity-system-edit", async page =>
    {
        await page.SignInAsync("officer@hanbit.example", browser.App.DemoPassword);
        await page.GotoAsync("/continuity/assets");
        await page.WaitUntilReadyAsync();
        await page.GetByTestId("list-search").SetAsync("sys-001");
        await page.GetByTestId("list-search").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("list-position")).ToContainTextAsync("전체 1건");
        await page.GetByTestId("asset-link").ClickAsync();
        await page.WaitForPageAsync("/continuity/assets/{id}");
        // Read at once, without waiting: the page says it is ready only once the record fills the form.
        (await page.EvaluateAsync<string?>("document.querySelector('[data-testid=a-code]')?.value ?? null")).ShouldBe("SYS-001");

        await page.GetByTestId("a-capacity").SetAsync("250");
        await page.GetByTestId("a-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-drCapacityShare")).ToContainTextAsync("200%");

        await page.GetByTestId("a-name").SetAsync("계정계 AP (이중화)");
        await page.GetByTestId("a-mode").SelectOptionAsync("Hot");
        await page.GetByTestId("a-capacity").SetAsync("100");
        await page.GetByTestId("a-recovery").SetAsync("90");
        await page.GetByTestId("a-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("error-drCapacityShare")).ToHaveCountAsync(0);

        var bank = await browser.App.BankAsync();
        var stored = await browser.App.WithDbAsync(db => db.ItAssets.AsNoTracking().SingleAsync(a => a.Code == "SYS-001"), bank);
        stored.Name.ShouldBe("계정계 AP (이중화)");
        stored.DrMode.ShouldBe(DrMode.Hot);
        stored.DrCapacityShare.ShouldBe(1m);
        stored.DesignedRecoveryMinutes.ShouldBe(90);
        await BrowserFixture.ScreenshotAsync(page, "continuity-system-edit");
    });

    [Fact]
    public Task A_procedure_version_reviewed_long_ago_shows_as_stale_until_reviewed_and_a_vacant_role_gets_a_holder() => browser.RunAsync("continuity-plan-edit", async page =>
    {
        await page.SignInAsync("officer@hanbit.example", browser.App.DemoPassword);
        await page.GotoAsync("/continuity/plan");
        await page.WaitUntilReadyAsync();
        (await page.GetByTestId("procedure-row").CountAsync()).ShouldBe(6, "ready only once the plan is loaded");
        (await page.GetByTestId("role-row").CountAsync()).ShouldBe(5);
        var summary = page.GetByTestId("stale-summary");
        await Assertions.Expect(summary).ToContainTextAsync("0건");
        var fire = page.Locator("[data-testid=procedure-row][data-scenario=Fire][data-current=true]");
        await Assertions.Expect(fire.GetByTestId("procedure-status")).ToHaveTextAsync("최신");

        // A new version whose last review was 14 months ago: the runbook is stale at once.
        var reviewed = KoreanTime.Today(TimeProvider.System).AddMonths(-14);
        await page.GetByTestId("pr-scenario").SelectOptionAsync("Fire");
        await page.GetByTestId("pr-title").SetAsync("전산실 화재 대응 절차");
        await page.GetByTestId("pr-steps").SetAsync("1. 대피·소화 설비 가동\n2. 비상대책위원회 소집\n3. 재해복구센터 전환");
        await page.GetByTestId("pr-reviewed").SetAsync(reviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("pr-save").ClickAsync();
        await Assertions.Expect(fire.Locator("td").Nth(2)).ToHaveTextAsync("v2");
        await Assertions.Expect(fire.GetByTestId("procedure-status")).ToHaveTextAsync("검토 필요 (12개월 경과)");
        await Assertions.Expect(summary).ToContainTextAsync("1건");
        await Assertions.Expect(page.Locator("[data-testid=procedure-row][data-scenario=Fire][data-current=false]")).ToHaveCountAsync(1);

        await page.GetByTestId("review-Fire").ClickAsync();
        await Assertions.Expect(fire.GetByTestId("procedure-status")).ToHaveTextAsync("최신");
        await Assertions.Expect(summary).ToContainTextAsync("0건");

        // The 대외협력팀 lead is vacant: name a holder and sharpen the duties.
        var liaison = page.GetByTestId("role-row").Filter(new() { HasText = "대외협력팀" });
        await Assertions.Expect(liaison.GetByTestId("role-holder-name")).ToHaveTextAsync("공석");
        await liaison.GetByTestId("role-edit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ro-body")).ToHaveValueAsync("대외협력팀");
        await page.GetByTestId("ro-duties").SetAsync("");
        await page.GetByTestId("ro-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-responsibilities")).ToBeVisibleAsync();

        await page.GetByTestId("ro-duties").SetAsync("금융결제원·제3자 업체 연락, 고객 공지 (30분 이내)");
        var holder = await page.Locator("[data-testid=ro-holder] option").Nth(1).GetAttributeAsync("value");
        await page.GetByTestId("ro-holder").SelectOptionAsync(holder!);
        await page.GetByTestId("ro-save").ClickAsync();
        await Assertions.Expect(liaison.GetByTestId("role-duties")).ToHaveTextAsync("금융결제원·제3자 업체 연락, 고객 공지 (30분 이내)");
        await Assertions.Expect(liaison.GetByTestId("role-holder-name")).Not.ToHaveTextAsync("공석");
        await BrowserFixture.ScreenshotAsync(page, "continuity-plan-edit");

        var bank = await browser.App.BankAsync();
        var role = await browser.App.WithDbAsync(db => db.EmergencyRoles.AsNoTracking().SingleAsync(r => r.Body == "대외협력팀"), bank);
        role.HolderId.ShouldBe(Guid.Parse(holder!));
        (await browser.App.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Type == Core.Audit.AuditEventType.EmergencyRoleUpdated), bank)).ShouldBe(1);
    });
}
