using System.Net;
using System.Security.Claims;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FinCloud.Web.Tests.Security;

/// <summary>A signed-in session ends after 30 idle minutes; activity past half the window renews it.</summary>
public sealed class SessionExpiryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> DeadlinesAsync(HttpClient client) =>
        await client.GetAsync(new Uri("/deadlines", UriKind.Relative), Ct);

    [Fact]
    public async Task An_active_session_slides_and_an_idle_one_expires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var app = await FinCloudApp.StartAsync(Databases.Sqlite, clock: clock);
        using var client = app.Browser();
        (await client.SignInAsync("officer@hanbit.example", app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Before half the window and before the 5-minute account check (TwoFactorPolicy.RefreshInterval), the cookie stays.
        clock.Advance(TimeSpan.FromMinutes(4));
        using (var early = await DeadlinesAsync(client))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.OK);
            early.Headers.Contains("Set-Cookie").ShouldBeFalse("before half the window the cookie is not reissued");
        }

        clock.Advance(TimeSpan.FromMinutes(16));
        using (var renewed = await DeadlinesAsync(client))
        {
            renewed.StatusCode.ShouldBe(HttpStatusCode.OK);
            renewed.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("FinCloud.Auth=", StringComparison.Ordinal));
        }

        // 45 minutes after signing in, 25 after the renewal: still signed in.
        clock.Advance(TimeSpan.FromMinutes(25));
        (await DeadlinesAsync(client)).StatusCode.ShouldBe(HttpStatusCode.OK);

        clock.Advance(TimeSpan.FromMinutes(31));
        using var expired = await DeadlinesAsync(client);
        expired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        expired.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task Signing_out_everywhere_else_ends_the_other_sessions_at_their_next_check()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var app = await FinCloudApp.StartAsync(Databases.Sqlite, clock: clock);
        using var here = app.Browser();
        using var elsewhere = app.Browser();
        await here.SignInAsync("auditor@hanbit.example", app.DemoPassword);
        await elsewhere.SignInAsync("auditor@hanbit.example", app.DemoPassword);

        (await here.PostFormAsync("/account/password", "end-other-sessions", [])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DeadlinesAsync(elsewhere)).StatusCode.ShouldBe(HttpStatusCode.OK, "until the next check");

        clock.Advance(TimeSpan.FromMinutes(6));
        using var ended = await DeadlinesAsync(elsewhere);
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ended.Headers.Location!.ToString().ShouldContain("/account/login");
        (await DeadlinesAsync(here)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_five_minute_account_check_keeps_how_the_member_signed_in()
    {
        // The rebuilt claims would otherwise lose the SSO provider (and the second factor), and the sign-out would
        // no longer end the session at the organisation's provider.
        await using var app = await FinCloudApp.StartAsync(Databases.Sqlite);
        var options = app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var provider = Core.Identity.SingleSignOn.LoginProviderOf(Guid.NewGuid());
        var current = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "a"), new Claim(ClaimTypes.AuthenticationMethod, provider), new Claim("amr", "mfa")], "Identity.Application"));
        var rebuilt = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "a")], "Identity.Application"));

        await options.OnRefreshingPrincipal!(new SecurityStampRefreshingPrincipalContext { CurrentPrincipal = current, NewPrincipal = rebuilt });

        rebuilt.FindFirst(ClaimTypes.AuthenticationMethod)!.Value.ShouldBe(provider);
        rebuilt.FindFirst("amr")!.Value.ShouldBe("mfa");
        rebuilt.FindAll(ClaimTypes.Name).Count().ShouldBe(1, "nothing else is copied");
    }
}
