using System.Net;
using System.Text.RegularExpressions;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FinCloud.Web.Tests.Account;

public sealed partial class TwoFactorAndLoggingTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-testid=\"shared-key\">([a-z0-9 ]+)</code>")]
    private static partial Regex SharedKeyPattern();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.RelativeOrAbsolute), Ct);
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(page, UriKind.RelativeOrAbsolute), form, Ct);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_user_turns_on_totp_and_then_needs_the_code_to_sign_in(string provider)
    {
        var app = await apps.GetAsync(provider);
        using (var setup = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            (await SignInAsync(setup, "evaluator@fsi.example", app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var page = await setup.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative), Ct);
            var key = SharedKeyPattern().Match(page).Groups[1].Value;
            key.ShouldNotBeEmpty();
            var enabled = await PostFormAsync(setup, "/account/two-factor", "enable-2fa", new() { ["Input.Code"] = AuthenticatorApp.Now(key) });
            enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await enabled.Content.ReadAsStringAsync(Ct)).ShouldContain("복구 코드 (한 번만 표시)");
            (await setup.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative), Ct)).ShouldContain("2단계 인증이 켜져 있습니다.");

            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var first = await SignInAsync(client, "evaluator@fsi.example", app.DemoPassword);
            first.Headers.Location!.ToString().ShouldContain("account/login-2fa");
            var wrong = await PostFormAsync(client, first.Headers.Location.ToString(), "login-2fa", new() { ["Input.Code"] = "000000" });
            (await wrong.Content.ReadAsStringAsync(Ct)).ShouldContain("인증 코드가 올바르지 않습니다.");
            // The code that turned the factor on does not sign in: a code is accepted once (RFC 6238 §5.2).
            var replayed = await PostFormAsync(client, first.Headers.Location.ToString(), "login-2fa", new() { ["Input.Code"] = AuthenticatorApp.Now(key) });
            (await replayed.Content.ReadAsStringAsync(Ct)).ShouldContain("인증 코드가 올바르지 않습니다.");
            var next = AuthenticatorApp.Next(key);
            var second = await PostFormAsync(client, first.Headers.Location.ToString(), "login-2fa", new() { ["Input.Code"] = next });
            second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct)).ShouldContain("한평가님, 환영합니다");

            using var eavesdropper = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var theirs = await SignInAsync(eavesdropper, "evaluator@fsi.example", app.DemoPassword);
            var stolen = await PostFormAsync(eavesdropper, theirs.Headers.Location!.ToString(), "login-2fa", new() { ["Input.Code"] = next });
            (await stolen.Content.ReadAsStringAsync(Ct)).ShouldContain("인증 코드가 올바르지 않습니다.");
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Logs_never_contain_names_addresses_or_passwords(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignInAsync(client, "officer@saebyeok.example", "Wrong-password-1");
        await SignInAsync(client, "officer@saebyeok.example", app.DemoPassword);
        await client.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct);
        await client.GetAsync(new Uri("/no/such/page", UriKind.Relative), Ct);

        var lines = app.Logs.Lines.ToList();
        lines.ShouldContain(l => l.Contains("Sign-in of user", StringComparison.Ordinal), "the sign-in is logged, by user id");
        foreach (var secret in new[] { "officer@saebyeok.example", "OFFICER@SAEBYEOK.EXAMPLE", "강담당", app.DemoPassword, "Wrong-password-1" })
        {
            lines.ShouldNotContain(l => l.Contains(secret, StringComparison.Ordinal), $"a log line contains {secret}");
        }
    }
}
