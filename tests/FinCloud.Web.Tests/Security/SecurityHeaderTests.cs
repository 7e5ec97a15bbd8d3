using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FinCloud.Web.Tests.Security;

/// <summary>Security by default: headers on every answer, HSTS over HTTPS, anti-forgery on forms.</summary>
public sealed partial class SecurityHeaderTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<script type=\"importmap\"[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ImportMapPattern();

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/organization")]
    [InlineData("/health")]
    public async Task Every_answer_forbids_framing_sniffing_and_foreign_scripts(string path)
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var client = app.Browser();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("object-src 'none'");
        Regex.Match(csp, "script-src ([^;]*)").Groups[1].Value.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
    }

    [Fact]
    public async Task The_inline_import_map_of_a_page_is_allowed_by_its_hash_and_nothing_else_inline()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var client = app.Browser();
        using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var importMap = ImportMapPattern().Match(html);
        importMap.Success.ShouldBeTrue("the page renders an import map");
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.Groups[1].Value))) + "'";
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self' " + hash + ";");
        // Every other script is loaded from our origin by src; none is inline.
        Regex.Count(html, "<script(?![^>]*\\bsrc=)(?![^>]*type=\"importmap\")[^>]*>").ShouldBe(0);
    }

    [Fact]
    public async Task Https_answers_carry_hsts_and_plain_http_does_not()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var secure = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://fincloud.example"), AllowAutoRedirect = false });
        using var https = await secure.GetAsync(new Uri("/account/login", UriKind.Relative), Ct);
        var hsts = https.Headers.GetValues("Strict-Transport-Security").Single();
        hsts.ShouldContain("max-age=31536000");
        hsts.ShouldContain("includeSubDomains");

        using var plain = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://fincloud.example"), AllowAutoRedirect = false });
        using var http = await plain.GetAsync(new Uri("/account/login", UriKind.Relative), Ct);
        http.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var client = app.Browser();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = "officer@hanbit.example", ["Input.Password"] = app.DemoPassword,
        });
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse("no session without the token");

        using var withToken = await client.SignInAsync("officer@hanbit.example", app.DemoPassword);
        withToken.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // A form endpoint outside the pages: refused with 400 as well, the user stays signed in.
        using var logout = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" });
        using var signOut = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), logout, Ct);
        signOut.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync(new Uri("/deadlines", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
