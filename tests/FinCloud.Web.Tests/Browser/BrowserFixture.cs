using FinCloud.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>
/// The app on a free loopback port (Kestrel, fresh SQLite database) and Debian's Chromium driven by Playwright.
/// No browser is downloaded: <c>CHROMIUM_PATH</c> (default /usr/bin/chromium) is launched directly.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public FinCloudApp App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string ScreenshotDirectory => Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        App = await FinCloudApp.StartAsync(Databases.Sqlite, kestrel: true);
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
    public async Task<IBrowserContext> NewContextAsync() =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString(),
            Locale = "ko-KR",
            TimezoneId = "Asia/Seoul",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });

    /// <summary>Runs a journey with a trace recorded; the trace is kept under artifacts/playwright-traces when it fails.</summary>
    public async Task RunAsync(string name, Func<IPage, Task> journey)
    {
        await using var context = await NewContextAsync();
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        try
        {
            await journey(page);
            await context.Tracing.StopAsync();
        }
        catch
        {
            var traces = Path.Combine(RepositoryRoot, "artifacts", "playwright-traces");
            Directory.CreateDirectory(traces);
            await context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(traces, name + ".zip") });
            throw;
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
