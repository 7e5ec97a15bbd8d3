using FinCloud.Web.Tests.Browser;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.NetworkSeparation;

/// <summary>
/// The journey in a real browser: an institution registers an M365 exemption, fails one condition and cannot
/// activate, fixes it with evidence and activates; six months on (a fake clock) the half-yearly review shows as due.
/// </summary>
public sealed class ExemptionJourneyTests
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    static ExemptionJourneyTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Institution_registers_M365_cannot_activate_with_a_failed_condition_then_activates_and_sees_the_review_due()
    {
        // 2027-01-04 10:00 KST: the exemption goes active in the first half of 2027.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 4, 1, 0, 0, TimeSpan.Zero));
        await using var app = await FinCloudApp.StartAsync(Databases.Sqlite, kestrel: true, clock: clock);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Args = ChromiumArgs,
        });
        await using var context = await browser.NewContextAsync(new() { BaseURL = app.ServerAddress.ToString(), Locale = "ko-KR", TimezoneId = "Asia/Seoul" });
        await context.Tracing.StartAsync(new() { Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        var passed = false;
        try
        {
            await page.SignInAsync("officer@hanbit.example", app.DemoPassword);
            await OpenAsync(page, "/separation-exemptions");
            await page.GetByTestId("ex-title").FillAsync("Microsoft 365 내부망 이용");
            await page.GetByTestId("ex-designation").SelectOptionAsync("IFS-20240927-N01");
            await page.GetByTestId("ex-scope").FillAsync("협업 (문서·메일·화상회의)");
            await page.GetByTestId("ex-saas").FillAsync("M365");
            await page.GetByTestId("ex-csp").FillAsync("Microsoft");
            await page.GetByTestId("ex-committee").FillAsync("2027-정보보호위-01");
            await page.GetByTestId("ex-register").ClickAsync();
            await page.WaitForPageAsync("/separation-exemptions/{id}");

            // Every condition met with evidence, except the internal-terminal security measures (seven S3 conditions and areas).
            var rows = page.GetByTestId("control-row");
            await Assertions.Expect(rows).ToHaveCountAsync(7);
            for (var i = 0; i < 7; i++)
            {
                var row = rows.Nth(i);
                var controlId = await row.GetAttributeAsync("data-control");
                if (controlId == "SBX-SEC-INTERNAL-TERMINAL")
                {
                    await row.GetByTestId("assess-result").SelectOptionAsync("NotMet");
                }

                await row.GetByTestId("assess-evidence").FillAsync($"증빙-{controlId}.pdf");
                await row.GetByTestId("assess-save").ClickAsync();
                await Assertions.Expect(page.Locator($"[data-control='{controlId}'] [data-testid=control-result]"))
                    .ToHaveAttributeAsync("data-result", controlId == "SBX-SEC-INTERNAL-TERMINAL" ? "NotMet" : "Met");
            }

            await page.GetByTestId("eval-reference").FillAsync("FSI-SaaS-2026-011");
            await page.GetByTestId("eval-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("evaluations")).ToContainTextAsync("FSI-SaaS-2026-011");

            await page.GetByTestId("activate").ClickAsync();
            await Assertions.Expect(page.GetByTestId("activation-message")).ToContainTextAsync("적용할 수 없습니다");
            await Assertions.Expect(page.GetByTestId("blocker")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByTestId("blocker")).ToHaveAttributeAsync("data-control", "SBX-SEC-INTERNAL-TERMINAL");
            await Assertions.Expect(page.GetByTestId("exemption-status")).ToHaveAttributeAsync("data-status", "Draft");
            Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
            await BrowserFixture.ScreenshotAsync(page, "20-separation-activation-refused");

            var terminal = page.Locator("[data-control='SBX-SEC-INTERNAL-TERMINAL']");
            await terminal.GetByTestId("assess-result").SelectOptionAsync("Met");
            await terminal.GetByTestId("assess-evidence").FillAsync("NAC 정책 적용 결과 보고서.pdf");
            await terminal.GetByTestId("assess-save").ClickAsync();
            await Assertions.Expect(terminal.GetByTestId("control-result")).ToHaveAttributeAsync("data-result", "Met");
            await page.GetByTestId("activate").ClickAsync();
            await Assertions.Expect(page.GetByTestId("activation-message")).ToContainTextAsync("적용되었습니다");
            await Assertions.Expect(page.GetByTestId("exemption-status")).ToHaveAttributeAsync("data-status", "Active");
            await Assertions.Expect(page.GetByTestId("active-from")).ToHaveTextAsync("2027-01-04");

            await OpenAsync(page, "/separation-exemptions");
            var review = page.GetByTestId("review-row").First;
            await Assertions.Expect(review.GetByTestId("review-due")).ToHaveTextAsync("2027-06-30");
            await Assertions.Expect(review.GetByTestId("review-status")).ToHaveTextAsync("점검 기한 도래");

            // Six months later the first-half review is overdue and the second half's is due.
            clock.Advance(TimeSpan.FromDays(183));
            await page.SignInAsync("officer@hanbit.example", app.DemoPassword);
            await OpenAsync(page, "/separation-exemptions");
            await Assertions.Expect(page.GetByTestId("review-row")).ToHaveCountAsync(2);
            await Assertions.Expect(page.GetByTestId("review-row").Nth(0).GetByTestId("review-status")).ToHaveTextAsync("기한 경과");
            await Assertions.Expect(page.GetByTestId("review-row").Nth(1).GetByTestId("review-due")).ToHaveTextAsync("2027-12-31");
            await BrowserFixture.ScreenshotAsync(page, "21-separation-reviews-six-months-later");
            passed = true;
        }
        finally
        {
            var traces = Path.Combine(BrowserFixture.RepositoryRoot, "artifacts", "playwright-traces");
            Directory.CreateDirectory(traces);
            await context.Tracing.StopAsync(new() { Path = passed ? null : Path.Combine(traces, "separation-exemption-journey.zip") });
        }
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitUntilReadyAsync();
    }
}
