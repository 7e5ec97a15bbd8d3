using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Account;

public sealed partial class AdministrationPageTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("data-testid=\"new-api-key\">(fc_[0-9a-f]+)</code>")]
    private static partial Regex NewKeyPattern();

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_administrator_creates_the_first_api_key_on_the_page_and_it_works(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var browser = app.Browser();
        (await browser.SignInAsync("admin@hanbit.example", app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await browser.PostFormAsync("/admin", "create-api-key", new() { ["Input.Name"] = "공시 파이프라인", ["Input.Role"] = "Auditor" });
        var html = await response.Content.ReadAsStringAsync(Ct);
        var secret = NewKeyPattern().Match(html).Groups[1].Value;
        secret.ShouldStartWith("fc_");
        html.ShouldContain("공시 파이프라인");

        using var api = app.ApiClient(secret);
        using var json = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/organization", UriKind.Relative), Ct));
        json.RootElement.GetProperty("nameKo").GetString().ShouldBe("한빛은행");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_auditor_sees_the_keys_but_cannot_create_one(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.BankAsync();
        using var browser = app.Browser();
        await browser.SignInAsync("auditor@hanbit.example", app.DemoPassword);
        (await browser.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct)).ShouldContain("API 키는 관리자만 만들고 폐기할 수 있습니다.");
        var before = await app.WithDbAsync(db => db.ApiKeys.CountAsync(), bank);
        var response = await browser.PostFormAsync("/admin", "create-api-key", new() { ["Input.Name"] = "sneaky", ["Input.Role"] = "Administrator" });
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("fc_");
        (await app.WithDbAsync(db => db.ApiKeys.CountAsync(), bank)).ShouldBe(before);
    }
}
