using FinCloud.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>
/// The app on a free loopback port (Kestrel, fresh SQLite database) and Debian's Chromium driven by Playwright.
/// No browser is downloaded: <c>CHROMIUM_PATH</c> (default /usr/bin/chromium) is launched directly.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly List<(string Name, IBrowserContext Context)> _journey = [];

    private IPlaywright? _playwright;

    public FinCloudApp App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ScreenshotDirectory => Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        // Plain http for the webhook journey's receiver on a loopback port.
        App = await FinCloudApp.StartAsync(Databases.Sqlite, kestrel: true, settings: new Dictionary<string, string> { ["Webhooks:AllowHttp"] = "true" });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser context (own cookies) in Korean, as a user in Seoul sees it.</summary>
    private async Task<IBrowserContext> NewContextAsync() =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString(),
            Locale = "ko-KR",
            TimezoneId = "Asia/Seoul",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });

    /// <summary>
    /// Runs a journey with a trace recorded in every browser it opens. When it fails, each browser's trace and a screenshot
    /// of where it stood are kept under artifacts/playwright-traces (<c>name</c>, then <c>name-user</c> for other users).
    /// </summary>
    public async Task RunAsync(string name, Func<IPage, Task> journey)
    {
        _journey.Clear();
        try
        {
            var page = await OpenTracedPageAsync(name);
            await journey(page);
            foreach (var (_, context) in _journey)
            {
                await context.Tracing.StopAsync();
            }
        }
        catch
        {
            await KeepEvidenceAsync();
            throw;
        }
        finally
        {
            foreach (var (_, context) in _journey)
            {
                await context.DisposeAsync();
            }

            _journey.Clear();
        }
    }

    /// <summary>
    /// Another user in the running journey, signed in in a browser context of their own (own cookies and circuit), traced
    /// and kept like the journey's first browser when it fails; closed when the journey ends.
    /// </summary>
    public async Task<IPage> SignInAnotherUserAsync(string email)
    {
        var page = await AnotherBrowserAsync(email.Split('@')[0]);
        await page.SignInAsync(email, App.DemoPassword);
        return page;
    }

    /// <summary>Someone else's browser in the running journey (own cookies), not signed in; kept like the others when it fails.</summary>
    public Task<IPage> AnotherBrowserAsync(string who) => OpenTracedPageAsync($"{_journey[0].Name}-{who}");

    private async Task<IPage> OpenTracedPageAsync(string name)
    {
        var context = await NewContextAsync();
        _journey.Add((name, context));
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true, Title = name });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Pages.Timeout);
        return page;
    }

    private async Task KeepEvidenceAsync()
    {
        var traces = Path.Combine(RepositoryRoot, "artifacts", "playwright-traces");
        Directory.CreateDirectory(traces);
        foreach (var (name, context) in _journey)
        {
            foreach (var page in context.Pages)
            {
                try
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(traces, name + ".png"), FullPage = true, Timeout = 5_000 });
                }
                catch (PlaywrightException)
                {
                    // A crashed or hung page has no picture; its trace below still shows its last steps.
                }
            }

            await context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(traces, name + ".zip") });
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FinCloud.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
