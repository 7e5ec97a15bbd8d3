using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>What every browser journey does: sign in, and wait for a page before acting on it.</summary>
public static class Pages
{
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
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
}
