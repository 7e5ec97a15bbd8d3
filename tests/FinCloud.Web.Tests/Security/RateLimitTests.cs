using System.Net;
using System.Text.Json;
using FinCloud.Core.Identity;
using FinCloud.Web.Tests.Infrastructure;

namespace FinCloud.Web.Tests.Security;

/// <summary>Budgets per minute on sign-in (per address, per account name) and on the API (per key, per organisation).</summary>
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<FinCloudApp> StartAsync(int perAddress = 1000, int perAccount = 1000, int perKey = 1000, int perOrganization = 1000) =>
        FinCloudApp.StartAsync(Databases.Sqlite, settings: new Dictionary<string, string>
        {
            ["RateLimits:SignInPerAddressPerMinute"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:SignInPerAccountPerMinute"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:ApiPerKeyPerMinute"] = perKey.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:ApiPerOrganizationPerMinute"] = perOrganization.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private static async Task ShouldBeTooManyAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(429);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_whatever_the_account()
    {
        await using var app = await StartAsync(perAddress: 3);
        using var client = app.Browser();
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await client.SignInAsync($"nobody{i}@example.com", "Wrong-password-1");
            attempt.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        using var fourth = await client.SignInAsync("officer@hanbit.example", app.DemoPassword);
        await ShouldBeTooManyAsync(fourth);
        fourth.Headers.Contains("Set-Cookie").ShouldBeFalse();
        // Rendering the form is not an attempt.
        (await client.GetAsync(new Uri("/account/login", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_in_attempts_for_one_account_are_limited_while_other_accounts_still_sign_in()
    {
        await using var app = await StartAsync(perAccount: 2);
        using var client = app.Browser();
        for (var i = 0; i < 2; i++)
        {
            using var attempt = await client.SignInAsync("committee@hanbit.example", "Wrong-password-1");
            attempt.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var third = await client.SignInAsync("COMMITTEE@hanbit.example", app.DemoPassword);
        await ShouldBeTooManyAsync(third);

        using var other = await client.SignInAsync("officer@hanbit.example", app.DemoPassword);
        other.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Api_requests_are_limited_per_key_then_per_organisation()
    {
        await using var app = await StartAsync(perKey: 3, perOrganization: 5);
        var bank = await app.BankAsync();
        var (_, first) = await app.CreateApiKeyAsync(bank, OrganizationRole.Auditor);
        var (_, second) = await app.CreateApiKeyAsync(bank, OrganizationRole.Auditor);
        using var one = app.ApiClient(first);
        using var two = app.ApiClient(second);
        for (var i = 0; i < 3; i++)
        {
            (await one.GetAsync(new Uri("/api/organization", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await ShouldBeTooManyAsync(await one.GetAsync(new Uri("/api/organization", UriKind.Relative), Ct));

        // The second key has its own budget until the organisation's (5) is spent: 3 + 2.
        for (var i = 0; i < 2; i++)
        {
            (await two.GetAsync(new Uri("/api/organization", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await ShouldBeTooManyAsync(await two.GetAsync(new Uri("/api/organization", UriKind.Relative), Ct));

        // Another organisation is not affected.
        var (_, other) = await app.CreateApiKeyAsync(await app.SecuritiesFirmAsync(), OrganizationRole.Auditor);
        using var firm = app.ApiClient(other);
        (await firm.GetAsync(new Uri("/api/organization", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
