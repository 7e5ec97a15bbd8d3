using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>What every browser journey does: sign in, and wait for a page before acting on it.</summary>
/// <remarks>
/// Waits poll the document, never a navigation event: the .NET client checks the URL and then subscribes to the next
/// navigation, and a navigation that lands between the two (a button the circuit answers with a navigation, a sign-in
/// redirect) is lost, leaving the wait to time out on a page that has long moved on.
/// </remarks>
public static partial class Pages
{
    /// <summary>The page's default timeout, which the waits here use too.</summary>
    public const float Timeout = 30_000;

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        try
        {
            await Assertions.Expect(page).Not.ToHaveURLAsync(SignInPath(), new() { Timeout = Timeout });
        }
        catch (PlaywrightException e)
        {
            // Say what the sign-in page shows instead of a bare timeout, so a failure can be told apart from a slow machine.
            var shown = await page.Locator("[role=alert], .validation-summary").AllInnerTextsAsync();
            throw new TimeoutException($"Sign-in as {email} stayed on {page.Url}; the page shows: '{string.Join(" / ", shown)}' (title '{await page.TitleAsync()}')", e);
        }
    }

    /// <summary>
    /// Waits until the page at the current URL is interactive and has loaded its data. The marker names its page:
    /// right after an in-app navigation the previous page's marker is still in the document, and matching any
    /// marker would let a test act on the page it just left.
    /// </summary>
    public static Task WaitUntilReadyAsync(this IPage page) =>
        page.Locator($"#fincloud-ready[data-interactive='true'][data-page='{new Uri(page.Url).AbsolutePath}']")
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Fills an input and raises "change": Blazor's @bind listens to it, and filling alone does not raise it.</summary>
    public static async Task SetAsync(this ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.DispatchEventAsync("change");
    }

    /// <summary>
    /// Waits until an action has taken the browser to the page at <paramref name="path"/> (<c>{id}</c> stands for a record id,
    /// e.g. <c>/continuity/drills/{id}</c>) and that page is interactive and has loaded its data.
    /// </summary>
    public static Task WaitForPageAsync(this IPage page, string path) =>
        Assertions.Expect(page.Locator("#fincloud-ready[data-interactive='true']"))
            .ToHaveAttributeAsync("data-page", new Regex("^" + Regex.Escape(path).Replace(@"\{id}", RecordId, StringComparison.Ordinal) + "$"), new() { Timeout = Timeout });

    private const string RecordId = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [GeneratedRegex("/account/login")]
    private static partial Regex SignInPath();
}
