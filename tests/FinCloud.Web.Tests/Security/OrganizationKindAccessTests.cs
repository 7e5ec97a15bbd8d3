using System.Net;
using System.Text.RegularExpressions;
using FinCloud.Core.Features.Continuity;
using FinCloud.Web.Security;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Security;

/// <summary>
/// A 금융회사's workspaces are its own and the FSS's supervisory views the FSS's: a member of the other kind of
/// organisation is refused them, whatever their role (the role matrix covers roles inside one institution).
/// </summary>
public sealed partial class OrganizationKindAccessTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("\\{([A-Za-z]+)(:[^}]*)?\\}")]
    private static partial Regex Parameter();

    /// <summary>The GET routes that require <paramref name="policy"/> (not the public ones in the same folders), with a sample value for each parameter.</summary>
    private static List<string> RoutesOf(FinCloudApp app, string policy) =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == policy) && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => Parameter().Replace("/" + e.RoutePattern.RawText!.TrimStart('/'), m => m.Groups[2].Value == ":guid" ? Guid.NewGuid().ToString() : "rto"))
            .Distinct(),
    ];

    private static async Task<string> OutcomeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        return AuthorizationMatrixTests.Outcome(response);
    }

    [Fact]
    public async Task Institution_pages_refuse_the_FSI_and_the_FSS_and_supervisory_views_refuse_institutions()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        var institutionRoutes = RoutesOf(app, Policies.Institution);
        var supervisorRoutes = RoutesOf(app, Policies.Supervisor);
        institutionRoutes.Count.ShouldBeGreaterThan(30, "the cloud-use, separation, continuity and scan pages and their files");
        institutionRoutes.ShouldContain("/continuity/drills");
        supervisorRoutes.ShouldContain("/supervision/sector-risk");

        using var bank = app.Browser();
        using var fsi = app.Browser();
        using var fss = app.Browser();
        (await bank.SignInAsync("admin@hanbit.example", app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fsi.SignInAsync("admin@fsi.example", app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fss.SignInAsync("admin@fss.example", app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var problems = new List<string>();
        foreach (var path in institutionRoutes)
        {
            Expect(path, "bank", await OutcomeAsync(bank, path), "allowed");
            Expect(path, "FSI", await OutcomeAsync(fsi, path), "forbidden");
            Expect(path, "FSS", await OutcomeAsync(fss, path), "forbidden");
        }

        foreach (var path in supervisorRoutes)
        {
            Expect(path, "FSS", await OutcomeAsync(fss, path), "allowed");
            Expect(path, "bank", await OutcomeAsync(bank, path), "forbidden");
            Expect(path, "FSI", await OutcomeAsync(fsi, path), "forbidden");
        }

        problems.ShouldBeEmpty();

        void Expect(string path, string who, string outcome, string expected)
        {
            if (outcome != expected)
            {
                problems.Add($"{path} as {who}: {outcome}, expected {expected}");
            }
        }
    }

    [Fact]
    public async Task The_FSS_owes_no_institution_drill_and_its_continuity_menu_is_the_joint_drills_only()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        var institution = await app.CreateOrganizationAsync();
        var fss = await app.OrganizationIdAsync("금융감독원");

        (await app.WithDbAsync(db => new ContinuityDeadlines().OpenDeadlinesAsync(db, Ct), institution))
            .ShouldContain(d => d.Key.StartsWith("continuity/drill/", StringComparison.Ordinal), "an institution without a drill this year owes one");
        (await app.WithDbAsync(db => new ContinuityDeadlines().OpenDeadlinesAsync(db, Ct), fss)).ShouldBeEmpty();

        using var client = app.Browser();
        (await client.SignInAsync("supervisor@fss.example", app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await client.GetStringAsync(new Uri("/continuity/joint-drills", UriKind.Relative), Ct);
        html.ShouldNotContain("data-testid=\"continuity-nav\"");
        (await client.GetStringAsync(new Uri("/deadlines", UriKind.Relative), Ct)).ShouldNotContain("비상대응훈련 실시");
    }
}
