using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>The Content-Security-Policy holds in a real browser: interactive pages connect their circuit and nothing is blocked.</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Interactive_pages_run_under_the_policy_without_violations() => browser.RunAsync("csp", async page =>
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.SignInAsync("admin@hanbit.example", browser.App.DemoPassword);
        await page.GotoAsync("/admin/audit");
        // The circuit (WebSocket to our own origin) is up once the page reports itself interactive.
        await page.WaitUntilReadyAsync();
        await page.GetByTestId("verify-chain").ClickAsync();
        await page.GotoAsync("/deadlines");
        await page.WaitUntilReadyAsync();

        violations.ShouldBeEmpty();
    });
}
