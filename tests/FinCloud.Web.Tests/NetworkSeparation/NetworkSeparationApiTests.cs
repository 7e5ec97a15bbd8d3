using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinCloud.Core.Identity;
using FinCloud.Web.Tests.Infrastructure;

namespace FinCloud.Web.Tests.NetworkSeparation;

public sealed class NetworkSeparationApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Registering_over_the_api_and_activating_without_evidence_names_every_blocker(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (_, secret) = await app.CreateApiKeyAsync(await app.CreateOrganizationAsync(), OrganizationRole.Officer);
        using var client = app.ApiClient(secret);
        var created = await client.PostAsJsonAsync("/api/separation/exemptions", new
        {
            title = "Workvivo Pulse 내부망 이용",
            kind = "sandbox-designation",
            workScope = "사내 커뮤니케이션",
            saasName = "Pulse",
            cspName = "Workvivo",
            designationId = "IFS-20240927-N13",
        }, FinCloudApp.Json, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await FinCloudApp.ReadAsync<JsonElement>(created)).GetProperty("id").GetGuid();

        var activation = await client.PostAsync(new Uri($"/api/separation/exemptions/{id}/activate", UriKind.Relative), null, Ct);
        activation.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await FinCloudApp.ReadAsync<JsonElement>(activation);
        result.GetProperty("activated").GetBoolean().ShouldBeFalse();
        result.GetProperty("status").GetString().ShouldBe("draft");
        var kinds = result.GetProperty("blockers").EnumerateArray().Select(b => b.GetProperty("kind").GetString()).ToList();
        kinds.Count(k => k == "mandatory-control-not-assessed").ShouldBe(7);
        kinds.ShouldContain("saas-evaluation-missing");

        var detail = await FinCloudApp.ReadAsync<JsonElement>(await client.GetAsync(new Uri($"/api/separation/exemptions/{id}", UriKind.Relative), Ct));
        detail.GetProperty("excludedData").EnumerateArray().Select(c => c.GetString())
            .ShouldBe(["personal-information", "credit-information", "transaction-information"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_designation_list_is_shared_reference_data(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (_, secret) = await app.CreateApiKeyAsync(await app.CreateOrganizationAsync(), OrganizationRole.Auditor);
        using var client = app.ApiClient(secret);
        var releases = await FinCloudApp.ReadAsync<JsonElement>(await client.GetAsync(new Uri("/api/separation/designations", UriKind.Relative), Ct));
        releases[0].GetProperty("designations").GetArrayLength().ShouldBe(18);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_auditor_key_cannot_register_an_exemption(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (_, secret) = await app.CreateApiKeyAsync(await app.CreateOrganizationAsync(), OrganizationRole.Auditor);
        using var client = app.ApiClient(secret);
        var response = await client.PostAsJsonAsync("/api/separation/exemptions",
            new { title = "연구망", kind = "research-network", workScope = "모델 개발" }, FinCloudApp.Json, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
