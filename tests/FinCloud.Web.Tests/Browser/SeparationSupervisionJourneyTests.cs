using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Web.Tests.NetworkSeparation;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>The FSS opens a 망분리 예외 an institution shared, from its list to the detail, and reads what ED-n means.</summary>
public sealed class SeparationSupervisionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task The_supervisor_opens_a_shared_exemption_read_only_and_looks_up_a_decision() => browser.RunAsync("separation-supervision", async page =>
    {
        var title = "AI 상담 분석 연구망 " + Guid.NewGuid().ToString("N")[..6];
        await browser.App.WithDbAsync(async db =>
        {
            var (exemption, _) = await RegisterExemption.HandleAsync(db, new ExemptionRegistration(
                title, SeparationExemptionKind.ResearchNetwork, "상담 이력 기반 응대 품질 모델 개발", null, null,
                [DataCategory.UniqueIdentifier, DataCategory.PersonalCreditInformation], CommitteeResolution: "2026-정보보호위-09"), CancellationToken.None);
            var dataSet = await DataSets.AddAsync(db, exemption!.Id, "고객 상담 이력 원본", CancellationToken.None);
            await DataSets.RecordScanAsync(db, dataSet!.Id, new string('d', 64), [new FindingCount("rrn", 40)], CancellationToken.None);
            return await SupervisorView.ShareAsync(db, exemption.Id, CancellationToken.None);
        }, await browser.App.BankAsync());

        await page.SignInAsync("supervisor@fss.example", browser.App.DemoPassword);
        await page.GotoAsync("/supervision/separation-exemptions");
        await page.WaitUntilReadyAsync();
        await page.GetByTestId("sup-open").Filter(new LocatorFilterOptions { HasText = title }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("institution")).ToContainTextAsync("한빛은행");
        await Assertions.Expect(page.GetByTestId("exemption-title")).ToHaveTextAsync(title);
        (await page.GetByTestId("control-row").CountAsync()).ShouldBeGreaterThan(0);
        await Assertions.Expect(page.GetByTestId("finding")).ToContainTextAsync("주민등록번호 × 40");
        (await page.Locator("main").Locator("button, input, select, textarea").CountAsync()).ShouldBe(0, "the FSS reads what was shared; it changes nothing");
        await BrowserFixture.ScreenshotAsync(page, "43-fss-separation-exemption");

        await page.GetByRole(AriaRole.Link, new() { Name = "해석 결정", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("decision")).ToHaveCountAsync(22);
        await page.GotoAsync("/rules/decisions#ED-8");
        await Assertions.Expect(page.Locator("section#ED-8 h2")).ToContainTextAsync("민법");
        await BrowserFixture.ScreenshotAsync(page, "44-encoding-decisions");
    });
}
