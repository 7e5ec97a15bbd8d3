using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinCloud.Core.Identity;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Api;

public sealed class ApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_request_without_an_api_key_is_unauthorized(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = app.CreateClient();
        (await client.GetAsync(new Uri("/api/organization", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var wrong = app.ApiClient("fc_0000000000000000000000000000000000000000000000000");
        (await wrong.GetAsync(new Uri("/api/organization", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_api_key_acts_for_its_own_organisation(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.BankAsync();
        var (_, secret) = await app.CreateApiKeyAsync(bank, OrganizationRole.Auditor);
        using var client = app.ApiClient(secret);
        var response = await client.GetAsync(new Uri("/api/organization", UriKind.Relative), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        json.RootElement.GetProperty("nameKo").GetString().ShouldBe("한빛은행");
        json.RootElement.GetProperty("kind").GetString().ShouldBe("financial-institution");
        json.RootElement.GetProperty("sector").GetString().ShouldBe("bank");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Malformed_input_gets_problem_details_naming_the_field(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (_, secret) = await app.CreateApiKeyAsync(await app.CreateOrganizationAsync());
        using var client = app.ApiClient(secret);
        var response = await client.PostAsJsonAsync("/api/api-keys", new { name = "", role = "officer" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = json.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        errors.ShouldContain(n => n.Equals("name", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Creating_and_revoking_a_key_is_audited_and_only_the_hash_is_stored(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (_, secret) = await app.CreateApiKeyAsync(org);
        using var client = app.ApiClient(secret);
        var created = await client.PostAsJsonAsync("/api/api-keys", new { name = "pipeline", role = "auditor" }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
        var newSecret = json.RootElement.GetProperty("secret").GetString()!;
        var id = json.RootElement.GetProperty("key").GetProperty("id").GetGuid();
        var stored = await app.WithDbAsync(db => db.ApiKeys.SingleAsync(k => k.Id == id), org);
        stored.SecretHash.ShouldNotContain(newSecret[3..]);
        stored.Role.ShouldBe(OrganizationRole.Auditor);

        (await client.DeleteAsync(new Uri($"/api/api-keys/{id}", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var revoked = app.ApiClient(newSecret);
        (await revoked.GetAsync(new Uri("/api/organization", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var types = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityId == id.ToString()).Select(e => e.Type).ToListAsync(), org);
        types.ShouldBe([Core.Audit.AuditEventType.ApiKeyCreated, Core.Audit.AuditEventType.ApiKeyRevoked], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_auditor_key_cannot_manage_keys(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (_, secret) = await app.CreateApiKeyAsync(await app.CreateOrganizationAsync(), OrganizationRole.Auditor);
        using var client = app.ApiClient(secret);
        var response = await client.PostAsJsonAsync("/api/api-keys", new { name = "x-key", role = "officer" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_openapi_document_and_the_interactive_reference_are_served()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        using var client = app.CreateClient();
        var doc = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        doc.ShouldContain("/api/api-keys");
        doc.ShouldContain("/api/audit/events/{eventId}");
        (await client.GetAsync(new Uri("/api-reference", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/health", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
