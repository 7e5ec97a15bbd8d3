using FinCloud.Core.Features.Webhooks;
using FinCloud.Web.Tests.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>The bank's administrator registers a webhook in Korean, gets its secret once, sends a test message, pauses and deletes it.</summary>
public sealed class WebhookJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task An_administrator_registers_tests_pauses_and_deletes_a_webhook() => browser.RunAsync("webhook-journey", async page =>
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await page.SignInAsync("admin@hanbit.example", browser.App.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "웹훅", Exact = true }).ClickAsync();
        await page.WaitForPageAsync("/admin/webhooks");
        await page.WaitUntilReadyAsync();
        await Assertions.Expect(page.GetByTestId("webhooks-empty")).ToBeVisibleAsync();

        // A wrong address is refused in Korean and what was typed stays.
        await page.GetByLabel("수신 주소").FillAsync("ftp://files.example/in");
        await page.GetByLabel("설명").FillAsync("보안관제 SIEM");
        await page.GetByLabel("클라우드 이용").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "웹훅 등록" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-message")).ToHaveTextAsync("https://호스트/경로 형식의 절대 주소가 아닙니다.");
        (await page.GetByLabel("수신 주소").InputValueAsync()).ShouldBe("ftp://files.example/in");
        (await page.GetByLabel("설명").InputValueAsync()).ShouldBe("보안관제 SIEM");

        await page.GetByLabel("수신 주소").FillAsync(receiver.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "웹훅 등록" }).ClickAsync();
        var secret = await page.GetByTestId("webhook-secret").InnerTextAsync();
        secret.ShouldStartWith("whsec_");
        var row = page.GetByTestId("webhook-row");
        (await row.InnerTextAsync()).ShouldContain("클라우드 이용");
        (await row.InnerTextAsync()).ShouldContain("사용 중");
        (await page.GetByLabel("수신 주소").InputValueAsync()).ShouldBe("");

        await row.GetByRole(AriaRole.Button, new() { Name = "테스트 전송" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhook-notice")).ToHaveTextAsync("테스트 메시지를 보냈습니다: HTTP 204");
        await Assertions.Expect(page.GetByTestId("delivery-row")).ToContainTextAsync("webhook.test");
        (await page.GetByTestId("delivery-row").InnerTextAsync()).ShouldContain("성공");
        var message = receiver.Requests.Single();
        WebhookSignature.Verify(secret, message.Id!, long.Parse(message.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), message.Body, message.Signature!).ShouldBeTrue();
        await BrowserFixture.ScreenshotAsync(page, "50-admin-webhooks");

        await row.GetByRole(AriaRole.Button, new() { Name = "일시 중지" }).ClickAsync();
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("일시 중지");

        // A delivery that used up its retries shows against its endpoint.
        var bank = await browser.App.OrganizationIdAsync("한빛은행");
        await browser.App.WithDbAsync(async db =>
        {
            var endpoint = await db.WebhookEndpoints.SingleAsync();
            var delivery = WebhookDelivery.ForTest(endpoint, db.Clock.GetUtcNow());
            for (var attempt = 0; attempt <= WebhookDelivery.RetryDelays.Length; attempt++)
            {
                delivery.AttemptFailed(503, "HTTP 503 Service Unavailable", db.Clock.GetUtcNow());
            }

            db.WebhookDeliveries.Add(delivery);
            return await db.SaveChangesAsync();
        }, bank);
        await page.ReloadAsync();
        await page.WaitUntilReadyAsync();
        (await page.GetByTestId("webhook-failed").InnerTextAsync()).ShouldBe("실패 1건");
        await row.GetByRole(AriaRole.Button, new() { Name = "삭제", Exact = true }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "삭제 확인" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("webhooks-empty")).ToBeVisibleAsync();
    });
}
