using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Web.Api;
using FinCloud.Web.Features.ApiKeys;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Api;

/// <summary>Scoped API keys and idempotency keys: what institutions' own tooling relies on.</summary>
public sealed class PublicApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> CreateKeyAsync(HttpClient admin, OrganizationRole role, params string[] scopes)
    {
        using var response = await admin.PostAsJsonAsync("/api/api-keys", new CreateApiKeyRequest("pipeline", role, scopes), FinCloudApp.Json, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var created = await FinCloudApp.ReadAsync<CreatedApiKeyDto>(response);
        created.Key.Scopes.ShouldBe(scopes.Order(StringComparer.Ordinal).ToList());
        return created.Secret;
    }

    private static HttpRequestMessage Post(string path, object body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: FinCloudApp.Json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKeys.Header, idempotencyKey);
        }

        return request;
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_key_without_the_write_scope_reads_but_gets_403_naming_the_missing_scope(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        using var admin = app.ApiClient((await app.CreateApiKeyAsync(org)).Secret);
        using var reader = app.ApiClient(await CreateKeyAsync(admin, OrganizationRole.Officer, "cloud-use:read"));

        (await reader.GetAsync("/api/cloud-use/cases", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var refused = await reader.PostAsJsonAsync("/api/cloud-use/csp/providers", new RegisterProviderRequest("가나클라우드"), FinCloudApp.Json, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
        problem.RootElement.GetProperty("missingScope").GetString().ShouldBe("cloud-use:write");
        (await reader.GetAsync("/api/deadlines", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "another area's read scope is not given");
        (await app.WithDbAsync(db => db.CloudProviders.CountAsync(), org)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_provider_name_registered_twice_gets_a_problem_naming_the_field_not_a_server_error(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        using var admin = app.ApiClient((await app.CreateApiKeyAsync(org)).Secret);

        (await admin.PostAsJsonAsync("/api/cloud-use/csp/providers", new RegisterProviderRequest("가나클라우드"), FinCloudApp.Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var again = await admin.PostAsJsonAsync("/api/cloud-use/csp/providers", new RegisterProviderRequest(" 가나클라우드 "), FinCloudApp.Json, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Ct));
        problem.RootElement.GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe(RegistryApi.DuplicateProvider);
        (await app.WithDbAsync(db => db.CloudProviders.CountAsync(), org)).ShouldBe(1);

        // Another organisation keeps its own registry.
        using var other = app.ApiClient((await app.CreateApiKeyAsync(await app.CreateOrganizationAsync())).Secret);
        (await other.PostAsJsonAsync("/api/cloud-use/csp/providers", new RegisterProviderRequest("가나클라우드"), FinCloudApp.Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Submitting_a_report_needs_reports_submit_beyond_cloud_use_write(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        using var admin = app.ApiClient((await app.CreateApiKeyAsync(org)).Secret);
        using var writer = app.ApiClient(await CreateKeyAsync(admin, OrganizationRole.Officer, "cloud-use:read", "cloud-use:write"));
        using var submitter = app.ApiClient(await CreateKeyAsync(admin, OrganizationRole.Officer, "cloud-use:write", ApiScopesNames.ReportsSubmit));
        var path = $"/api/cloud-use/cases/{Guid.NewGuid()}/report-packages/{Guid.NewGuid()}/submission";

        using var refused = await writer.PostAsync(path, null, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("reports:submit");
        (await submitter.PostAsync(path, null, Ct)).StatusCode.ShouldNotBe(HttpStatusCode.Forbidden, "the scope check lets it through to the handler");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Keys_from_before_scopes_keep_every_scope_of_their_role_and_bad_scopes_are_refused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        using var legacy = app.ApiClient((await app.CreateApiKeyAsync(org, OrganizationRole.Administrator)).Secret);
        (await legacy.PostAsJsonAsync("/api/cloud-use/csp/providers", new RegisterProviderRequest("가나클라우드"), FinCloudApp.Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var scopes = await FinCloudApp.ReadAsync<List<string>>(await legacy.GetAsync("/api/api-keys/scopes", Ct));
        scopes.ShouldContain("cloud-use:write");
        scopes.ShouldContain("reports:submit");
        scopes.ShouldContain("oscal:read");
        (await legacy.PostAsJsonAsync("/api/api-keys", new CreateApiKeyRequest("x", OrganizationRole.Officer, ["cloud-use:fly"]), FinCloudApp.Json, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await legacy.PostAsJsonAsync("/api/api-keys", new CreateApiKeyRequest("x", OrganizationRole.Auditor, ["cloud-use:write"]), FinCloudApp.Json, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_same_idempotency_key_and_body_returns_the_stored_response_without_a_second_write(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        using var api = app.ApiClient((await app.CreateApiKeyAsync(org, OrganizationRole.Officer)).Secret);
        var body = new RegisterProviderRequest("가나클라우드");

        using var first = await api.SendAsync(Post("/api/cloud-use/csp/providers", body, "create-gana-1"), Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await first.Content.ReadAsStringAsync(Ct);
        using var second = await api.SendAsync(Post("/api/cloud-use/csp/providers", body, "create-gana-1"), Ct);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync(Ct)).ShouldBe(created);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        second.Headers.GetValues(IdempotencyKeys.ReplayedHeader).ShouldBe(["true"]);

        (await app.WithDbAsync(db => db.CloudProviders.CountAsync(), org)).ShouldBe(1);
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Type == AuditEventType.CloudProviderRegistered), org)).ShouldBe(1);

        using var other = await api.SendAsync(Post("/api/cloud-use/csp/providers", new RegisterProviderRequest("다라클라우드"), "create-gana-1"), Ct);
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        other.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await app.WithDbAsync(db => db.CloudProviders.CountAsync(), org)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_idempotency_key_of_one_organisation_never_returns_anothers_response(string provider)
    {
        var app = await apps.GetAsync(provider);
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        using var apiA = app.ApiClient((await app.CreateApiKeyAsync(a, OrganizationRole.Officer)).Secret);
        using var apiB = app.ApiClient((await app.CreateApiKeyAsync(b, OrganizationRole.Officer)).Secret);
        var body = new RegisterProviderRequest("가나클라우드");

        using var ofA = await apiA.SendAsync(Post("/api/cloud-use/csp/providers", body, "shared-key"), Ct);
        using var ofB = await apiB.SendAsync(Post("/api/cloud-use/csp/providers", body, "shared-key"), Ct);
        ofA.StatusCode.ShouldBe(HttpStatusCode.Created);
        ofB.StatusCode.ShouldBe(HttpStatusCode.Created);
        ofB.Headers.Contains(IdempotencyKeys.ReplayedHeader).ShouldBeFalse();
        ofB.Headers.Location.ShouldNotBe(ofA.Headers.Location);
        var idOfA = (await FinCloudApp.ReadAsync<ProviderDto>(ofA)).Id.ToString();
        (await ofB.Content.ReadAsStringAsync(Ct)).ShouldNotContain(idOfA);
        (await app.WithDbAsync(db => db.CloudProviders.CountAsync(), b)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Lists_page_with_page_and_page_size_and_tell_the_total(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        using var api = app.ApiClient((await app.CreateApiKeyAsync(org, OrganizationRole.Officer)).Secret);
        foreach (var name in new[] { "가클라우드", "나클라우드", "다클라우드" })
        {
            (await api.PostAsJsonAsync("/api/cloud-use/csp/providers", new RegisterProviderRequest(name), FinCloudApp.Json, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var first = await api.GetAsync("/api/cloud-use/csp/providers?pageSize=2", Ct);
        first.Headers.GetValues(ApiPaging.TotalCountHeader).ShouldBe(["3"]);
        first.Headers.GetValues("Link").Single().ShouldContain("page=2&pageSize=2>; rel=\"next\"");
        var firstPage = await FinCloudApp.ReadAsync<List<ProviderDto>>(first);
        firstPage.Count.ShouldBe(2);
        using var second = await api.GetAsync("/api/cloud-use/csp/providers?pageSize=2&page=2", Ct);
        var rest = await FinCloudApp.ReadAsync<List<ProviderDto>>(second);
        rest.Count.ShouldBe(1);
        firstPage.ShouldNotContain(p => p.Id == rest[0].Id);

        using var cases = await api.GetAsync("/api/cloud-use/cases?pageSize=5", Ct);
        cases.Headers.GetValues(ApiPaging.TotalCountHeader).ShouldBe(["0"], "paged in the database, with the same headers");
        using var tooBig = await api.GetAsync("/api/cloud-use/csp/providers?pageSize=500", Ct);
        tooBig.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooBig.Content.ReadAsStringAsync(Ct)).ShouldContain("pageSize");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_handler_with_its_own_transaction_joins_the_idempotency_transaction(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var service = await CloudUse.CloudUseSetup.ServiceAsync(app, org);
        var c = await CloudUse.CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: true);
        await CloudUse.CloudUseSetup.ApproveAsync(app, org, c.Case.Id);
        using var api = app.ApiClient((await app.CreateApiKeyAsync(org, OrganizationRole.Officer)).Secret);
        var path = $"/api/cloud-use/cases/{c.Case.Id}/report-packages";

        using var first = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Headers = { { IdempotencyKeys.Header, "package-1" } } }, Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync(Ct));
        using var again = await api.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Headers = { { IdempotencyKeys.Header, "package-1" } } }, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.Contains(IdempotencyKeys.ReplayedHeader).ShouldBeTrue();
        (await app.WithDbAsync(db => db.ReportPackages.CountAsync(), org)).ShouldBe(1);
    }

    [Fact]
    public async Task The_openapi_document_names_the_key_scheme_scopes_examples_and_problem_answers()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var client = app.CreateClient();
        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var root = doc.RootElement;
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");
        root.GetProperty("security")[0].TryGetProperty("ApiKey", out _).ShouldBeTrue();

        var register = root.GetProperty("paths").GetProperty("/api/cloud-use/csp/providers").GetProperty("post");
        register.GetProperty("x-required-scope").GetString().ShouldBe("cloud-use:write");
        register.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("name").GetString().ShouldBe("가상클라우드");
        var forbidden = register.GetProperty("responses").GetProperty("403").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
        forbidden.GetProperty("missingScope").GetString().ShouldNotBeNullOrEmpty();
        register.GetProperty("responses").TryGetProperty("422", out _).ShouldBeTrue();

        var submit = root.GetProperty("paths").GetProperty("/api/cloud-use/cases/{caseId}/report-packages/{packageId}/submission").GetProperty("post");
        submit.GetProperty("x-required-scope").GetString().ShouldBe("reports:submit");
        var conflict = submit.GetProperty("responses").GetProperty("409").GetProperty("content");
        conflict.TryGetProperty("application/json", out _).ShouldBeFalse("a refusal on the record's state leaves as a problem, not a bare string");
        conflict.GetProperty("application/problem+json").GetProperty("example").GetProperty("code").GetString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Concurrent_requests_with_one_key_write_once(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        using var api = app.ApiClient((await app.CreateApiKeyAsync(org, OrganizationRole.Officer)).Secret);
        var body = new RegisterProviderRequest("가나클라우드");
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var r = await api.SendAsync(Post("/api/cloud-use/csp/providers", body, "burst"), Ct);
            return r.StatusCode;
        }));
        responses.ShouldAllBe(s => s == HttpStatusCode.Created, "later requests wait for the first and receive its response");
        (await app.WithDbAsync(db => db.CloudProviders.CountAsync(), org)).ShouldBe(1);
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Type == AuditEventType.CloudProviderRegistered), org)).ShouldBe(1);
    }
}

file static class ApiScopesNames
{
    public const string ReportsSubmit = FinCloud.Web.Security.ApiScopes.ReportsSubmit;
}
