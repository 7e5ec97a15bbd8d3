using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FinCloud.Web.Tests.Infrastructure;

/// <summary>Posts server-rendered forms as a browser does: with the page's anti-forgery token and cookie.</summary>
public static partial class Forms
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static HttpClient Browser(this FinCloudApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string formName, Dictionary<string, string> fields) =>
        client.PostFormPairsAsync(page, formName, fields);

    /// <summary>As <see cref="PostFormAsync"/>, for forms that send one name several times (checkboxes).</summary>
    public static async Task<HttpResponseMessage> PostFormPairsAsync(this HttpClient client, string page, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.RelativeOrAbsolute), Ct);
        using var form = new FormUrlEncodedContent([
            .. fields, new("_handler", formName), new("__RequestVerificationToken", TokenPattern().Match(html).Groups[1].Value)]);
        return await client.PostAsync(new Uri(page, UriKind.RelativeOrAbsolute), form, Ct);
    }

    /// <summary>The header's 로그아웃 button: a form post to <c>/account/logout</c> with the page's token.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(this HttpClient client)
    {
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", TokenPattern().Match(html).Groups[1].Value)]);
        return await client.PostAsync(new Uri("/account/logout", UriKind.Relative), form, Ct);
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>A browser signed in as a new member of <paramref name="organizationId"/> with <paramref name="role"/>.</summary>
    public static async Task<HttpClient> SignedInMemberAsync(this FinCloudApp app, Guid organizationId, Core.Identity.OrganizationRole role)
    {
        var password = "Aa1!" + Guid.NewGuid().ToString("N");
        var (_, email) = await app.CreateMemberAsync(organizationId, role, password);
        var browser = app.Browser();
        (await browser.SignInAsync(email, password)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        return browser;
    }
}
