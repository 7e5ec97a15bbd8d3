using System.Net.Http.Json;
using System.Text.Json;
using FinCloud.Core.Deadlines;
using FinCloud.Web.Tests.Infrastructure;
using FinCloud.Web.Tests.Lists;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FinCloud.Web.Tests.Deadlines;

public sealed class DeadlinePageTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_dashboard_and_the_api_show_overdue_first_in_korean_dates(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        // 2026-11-02 09:00 KST, Monday.
        var (deadlines, _, services) = TestDeadlines.Create(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        await using var app = await FinCloudApp.StartAsync(provider, services: services, settings: new Dictionary<string, string> { ["Jobs:Enabled"] = "false" });
        var bank = await app.BankAsync();
        deadlines.Set(bank,
            new Deadline("b", "CSP 정기 평가", new DateOnly(2026, 12, 15), "/csp-evaluations/1") { Category = DeadlineCategory.CspEvaluation },
            new Deadline("a", "클라우드 이용 사후보고", new DateOnly(2026, 10, 30), "/cloud-use/1") { Basis = "계약일로부터 3개월" });
        deadlines.Set(await app.SecuritiesFirmAsync(), new Deadline("x", "새벽증권 기한", new DateOnly(2026, 11, 3), "/x"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await AuditListTests.SignInAsync(client, "officer@hanbit.example", app.DemoPassword);

        var html = await client.GetStringAsync(new Uri("/deadlines", UriKind.Relative), ct);

        html.ShouldContain("기한 현황");
        html.IndexOf("클라우드 이용 사후보고", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("CSP 정기 평가", StringComparison.Ordinal));
        html.ShouldContain("기한 경과");
        html.ShouldContain("3일 지남");
        html.ShouldContain("2026-10-30 (금)");
        html.ShouldContain("계약일로부터 3개월");
        html.ShouldNotContain("새벽증권 기한");

        var (_, secret) = await app.CreateApiKeyAsync(bank);
        using var api = app.ApiClient(secret);
        var json = await api.GetFromJsonAsync<JsonElement>(new Uri("/api/deadlines", UriKind.Relative), ct);
        // The demo bank's own module deadlines (e.g. 업무연속성) come through too; the test's two keep their order.
        var own = json.EnumerateArray().Where(d => d.GetProperty("key").GetString() is "a" or "b").ToList();
        own.Select(d => d.GetProperty("key").GetString()).ShouldBe(["a", "b"]);
        own[0].GetProperty("status").GetString().ShouldBe("overdue");
        own[1].GetProperty("category").GetString().ShouldBe("csp-evaluation");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_audited_change_shows_on_the_next_read_of_the_deadlines_and_only_in_its_own_organization(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await FinCloudApp.StartAsync(provider, settings: new Dictionary<string, string> { ["Jobs:Enabled"] = "false" });
        using var bank = app.ApiClient((await app.CreateApiKeyAsync(await app.BankAsync())).Secret);
        using var securities = app.ApiClient((await app.CreateApiKeyAsync(await app.SecuritiesFirmAsync())).Secret);
        var bankBefore = await KeysAsync(bank, ct);
        var securitiesBefore = await KeysAsync(securities, ct);
        (await KeysAsync(bank, ct)).ShouldBe(bankBefore);

        var registered = await bank.PostAsJsonAsync(new Uri("/api/cloud-use/csp/providers", UriKind.Relative), new { name = "기한 확인 클라우드" }, ct);
        var providerId = (await registered.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var recorded = await bank.PostAsJsonAsync(
            new Uri($"/api/cloud-use/csp/providers/{providerId}/certificates", UriKind.Relative),
            new { scheme = "iso27017", validFrom = "2025-01-01", validUntil = "2027-06-30" }, ct);
        recorded.EnsureSuccessStatusCode();
        var certificateId = (await recorded.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        (await KeysAsync(bank, ct)).ShouldBe([.. bankBefore, $"cloud-use/certificate/{certificateId}"], ignoreOrder: true);
        (await KeysAsync(securities, ct)).ShouldBe(securitiesBefore, ignoreOrder: true);
    }

    private static async Task<List<string>> KeysAsync(HttpClient api, CancellationToken ct) =>
        [.. (await api.GetFromJsonAsync<JsonElement>(new Uri("/api/deadlines", UriKind.Relative), ct)).EnumerateArray().Select(d => d.GetProperty("key").GetString()!)];
}
