using System.Net;
using System.Text.RegularExpressions;
using FinCloud.Core.Audit;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Account;

public sealed partial class SignInTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative), Ct);
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri("/account/login", UriKind.Relative), form, Ct);
    }

    private static HttpClient Browser(FinCloudApp app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_sign_in_page_is_korean_by_default_and_english_on_request(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Browser(app);
        var korean = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative), Ct);
        korean.ShouldContain("<html lang=\"ko\">");
        korean.ShouldContain("FinCloud 로그인");
        korean.ShouldContain("비밀번호");

        (await client.GetAsync(new Uri("/culture/en?returnUrl=/account/login", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var english = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative), Ct);
        english.ShouldContain("Sign in to FinCloud");
        english.ShouldContain("Password");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_demo_officer_signs_in_and_the_sign_in_is_audited_for_the_bank(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Browser(app);
        var response = await PostLoginAsync(client, "officer@hanbit.example", app.DemoPassword);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        home.ShouldContain("김담당님, 환영합니다");
        home.ShouldContain("한빛은행");
        home.ShouldContain("담당자");
        var bank = await app.BankAsync();
        (await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Type == AuditEventType.SignInSucceeded), bank)).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Browser(app);
        for (var i = 0; i < 4; i++)
        {
            var failed = await PostLoginAsync(client, "committee@hanbit.example", "Wrong-password-1");
            (await failed.Content.ReadAsStringAsync(Ct)).ShouldContain("이메일 또는 비밀번호가 올바르지 않습니다");
        }

        var fifth = await PostLoginAsync(client, "committee@hanbit.example", "Wrong-password-1");
        fifth.Headers.Location!.ToString().ShouldContain("account/lockout");
        var right = await PostLoginAsync(client, "committee@hanbit.example", app.DemoPassword);
        right.Headers.Location!.ToString().ShouldContain("account/lockout");
        var bank = await app.BankAsync();
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Type == AuditEventType.AccountLockedOut), bank)).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_form_keeps_what_the_user_typed_after_a_validation_error(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Browser(app);
        var response = await PostLoginAsync(client, "someone@hanbit.example", "");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("value=\"someone@hanbit.example\"");
        html.ShouldContain("비밀번호를 입력하세요.");

        var malformed = await (await PostLoginAsync(client, "not-an-address", "x")).Content.ReadAsStringAsync(Ct);
        malformed.ShouldContain("value=\"not-an-address\"");
        malformed.ShouldContain("올바른 이메일 형식이 아닙니다.");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_form_post_without_the_anti_forgery_token_is_rejected(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Browser(app);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "officer@hanbit.example",
            ["Input.Password"] = app.DemoPassword,
        });
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_unknown_address_gets_the_friendly_not_found_page(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Browser(app);
        var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync(Ct);
        html.ShouldContain("페이지를 찾을 수 없습니다");
        html.ShouldContain("홈으로");
    }

    [Theory]
    [InlineData("/separation-exemptions/{0}")]
    [InlineData("/continuity/drills/{0}")]
    [InlineData("/continuity/incidents/{0}")]
    [InlineData("/continuity/joint-drill-participations/{0}")]
    [InlineData("/cloud-use/cases/{0}")]
    public async Task A_record_that_is_not_there_or_not_ours_answers_404(string route)
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var client = Browser(app);
        (await client.SignInAsync("officer@hanbit.example", app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await client.GetAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, Guid.NewGuid()), UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("페이지를 찾을 수 없습니다");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Pages_ask_anonymous_visitors_to_sign_in(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = Browser(app);
        var response = await client.GetAsync(new Uri("/admin/audit", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("account/login");
    }
}
