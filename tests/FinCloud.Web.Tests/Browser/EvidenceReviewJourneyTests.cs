using FinCloud.Web.Features.CloudUse;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>The bank's CISO reviews evidence someone else uploaded: rework needs a reason, and the outcome shows on the case.</summary>
public sealed class EvidenceReviewJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task The_ciso_asks_for_rework_with_a_reason_and_accepts_another_document() => browser.RunAsync("evidence-review", async page =>
    {
        var bank = await browser.App.OrganizationIdAsync("한빛은행");
        var store = browser.App.Services.GetRequiredService<EvidenceStore>();
        var caseId = await browser.App.WithDbAsync(async db =>
        {
            var id = await db.CloudUseCases.Where(c => c.Title == "고객 상담 이력 분석").Select(c => c.Id).SingleAsync();
            foreach (var label in new[] { "출구전략 검토서", "재해복구 훈련 결과" })
            {
                using var pdf = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("%PDF-1.7 " + label));
                (await EvidenceApi.UploadAsync(db, store, id, null, label, "doc.pdf", pdf, CancellationToken.None)).IsOk.ShouldBeTrue();
            }

            return id;
        }, bank);

        await page.SignInAsync("ciso@hanbit.example", browser.App.DemoPassword);
        await page.GotoAsync($"/cloud-use/cases/{caseId}");
        await page.WaitUntilReadyAsync();
        var exit = page.GetByTestId("evidence-row").Filter(new LocatorFilterOptions { HasText = "출구전략 검토서" });
        var drill = page.GetByTestId("evidence-row").Filter(new LocatorFilterOptions { HasText = "재해복구 훈련 결과" });

        await exit.GetByRole(AriaRole.Button, new() { Name = "보완 필요" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-result")).ToHaveTextAsync("보완이 필요한 까닭을 적으세요.");
        await exit.GetByLabel("검토 의견").SetAsync("대체 CSP 전환 기간이 없습니다.");
        await exit.GetByRole(AriaRole.Button, new() { Name = "보완 필요" }).ClickAsync();
        await Assertions.Expect(exit.GetByTestId("evidence-review")).ToContainTextAsync("보완 필요: 대체 CSP 전환 기간이 없습니다.");
        await drill.GetByRole(AriaRole.Button, new() { Name = "적정" }).ClickAsync();
        await Assertions.Expect(drill.GetByTestId("evidence-review")).ToContainTextAsync("적정");
        await Assertions.Expect(page.GetByTestId("review-result")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "16-evidence-review");
    });
}
