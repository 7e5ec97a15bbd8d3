using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FinCloud.Core.ApiAccess;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Account;

/// <summary>
/// 자동 프로비저닝 (SCIM 2.0): an identity provider creates, finds, updates, deactivates and deletes members with an
/// administrator's API key, in the request shapes Entra ID sends (PascalCase <c>op</c>, booleans as strings,
/// attributes FinCloud does not keep). Provisioned people sign in with 기관 SSO; deactivated ones cannot.
/// </summary>
public sealed class ProvisioningTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private const string Users = "/api/scim/v2/Users";
    private const string ScimJson = "application/scim+json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Body(string json) => new(json, Encoding.UTF8, ScimJson);

    private static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = json is null ? null : Body(json) };
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (text.Length > 0)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe(ScimJson, text);
        }

        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }

    private static string Filter(string expression) => $"{Users}?filter={Uri.EscapeDataString(expression)}";

    /// <summary>A provisioned member of <paramref name="org"/> (for the authorization matrix and the cross-tenant test).</summary>
    public static async Task<Guid> ProvisionedAsync(FinCloudApp app, Guid org)
    {
        var (userId, email) = await app.CreateMemberAsync(org, OrganizationRole.Officer, "Aa1!" + Guid.NewGuid().ToString("N"));
        return await app.WithDbAsync(async db =>
        {
            var account = ProvisionedAccount.Create(userId, email, null, true, db.Clock.GetUtcNow());
            db.ProvisionedAccounts.Add(account);
            db.Audit(AuditEventType.MemberProvisioned, nameof(ProvisionedAccount), account.Id, after: "linked; active");
            await db.SaveChangesAsync();
            return account.Id;
        }, org);
    }

    private static string EntraUser(string userName, string email, bool active = true) => $$"""
        {
          "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "externalId": "8f0c6c47-2b1e-4a55-9d0e-3f1c2a7b9e10",
          "userName": "{{userName}}",
          "active": {{(active ? "true" : "false")}},
          "name": { "familyName": "김", "givenName": "민수" },
          "emails": [ { "primary": true, "type": "work", "value": "{{email}}" } ],
          "title": "차장",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { "department": "IT기획부" }
        }
        """;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_provider_provisions_a_member_who_signs_in_with_SSO_until_deactivated(string provider)
    {
        var app = await apps.GetAsync(provider);
        await using var idp = await FakeIdentityProvider.StartAsync();
        var tenant = await SingleSignOnTests.TenantWithSsoAsync(app, idp);
        using var admin = tenant.Administrator;
        using var scim = app.ApiClient((await app.CreateApiKeyAsync(tenant.Id)).Secret);
        var email = $"kim@{tenant.Domain}";

        // Entra first looks the person up, then creates them.
        var (status, found) = await SendAsync(scim, HttpMethod.Get, Filter($"userName eq \"Kim@{tenant.Domain}\""));
        status.ShouldBe(HttpStatusCode.OK);
        found["totalResults"]!.GetValue<int>().ShouldBe(0);
        found["schemas"]![0]!.GetValue<string>().ShouldBe("urn:ietf:params:scim:api:messages:2.0:ListResponse");

        using var post = await scim.PostAsync(new Uri(Users, UriKind.Relative), Body(EntraUser($"Kim@{tenant.Domain}", email)), Ct);
        post.StatusCode.ShouldBe(HttpStatusCode.Created, await post.Content.ReadAsStringAsync(Ct));
        var created = JsonNode.Parse(await post.Content.ReadAsStringAsync(Ct))!.AsObject();
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        post.Headers.Location!.ToString().ShouldEndWith($"{Users}/{id}");
        created["userName"]!.GetValue<string>().ShouldBe($"Kim@{tenant.Domain}", "the provider's userName as sent");
        created["displayName"]!.GetValue<string>().ShouldBe("김민수", "family then given name, in Korean order");
        created["active"]!.GetValue<bool>().ShouldBeTrue();
        created["emails"]![0]!["value"]!.GetValue<string>().ShouldBe(email);
        created["meta"]!["location"]!.GetValue<string>().ShouldEndWith($"{Users}/{id}");

        var normalized = email.ToUpperInvariant();
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.NormalizedEmail == normalized));
        user.PasswordHash.ShouldBeNull("a provisioned person has no password: they sign in with SSO");
        (await app.WithDbAsync(db => db.Memberships.Where(m => m.UserId == user.Id).Select(m => m.Role).ToListAsync(), tenant.Id))
            .ShouldBe([OrganizationRole.Officer]);
        (await SingleSignOnTests.EventsAsync(app, tenant.Id, AuditEventType.MemberProvisioned)).ShouldHaveSingleItem().After.ShouldBe("created; active");

        // Found by its userName in any case, by externalId and by address; created once only.
        foreach (var filter in new[] { $"userName eq \"KIM@{tenant.Domain.ToUpperInvariant()}\"", "externalId eq \"8f0c6c47-2b1e-4a55-9d0e-3f1c2a7b9e10\"", $"emails[type eq \"work\"].value eq \"{email}\"" })
        {
            var (_, list) = await SendAsync(scim, HttpMethod.Get, Filter(filter));
            list["totalResults"]!.GetValue<int>().ShouldBe(1, filter);
            list["Resources"]![0]!["id"]!.GetValue<string>().ShouldBe(id.ToString());
        }

        var (again, conflict) = await SendAsync(scim, HttpMethod.Post, Users, EntraUser($"kim@{tenant.Domain}", email));
        again.ShouldBe(HttpStatusCode.Conflict);
        conflict["scimType"]!.GetValue<string>().ShouldBe("uniqueness");
        conflict["status"]!.GetValue<string>().ShouldBe("409");

        // The provisioned person signs in through the organisation's provider.
        idp.SignedIn = new FakeIdentityProvider.Person("s-kim", email);
        using (var browser = app.Browser())
        {
            (await SingleSignOnTests.SignInThroughAsync(browser, email)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await SingleSignOnTests.SignedInAsync(browser)).ShouldBeTrue();
        }

        // Entra deactivates with PascalCase ops and a string boolean: every role goes, SSO no longer signs them in.
        var (patched, deactivated) = await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"Replace","path":"displayName","value":"김민수(여신)"},
              {"op":"Replace","path":"active","value":"False"},
              {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"여신부"}]}
            """);
        patched.ShouldBe(HttpStatusCode.OK, deactivated.ToJsonString());
        deactivated["active"]!.GetValue<bool>().ShouldBeFalse();
        deactivated["displayName"]!.GetValue<string>().ShouldBe("김민수(여신)");
        (await app.WithDbAsync(db => db.Memberships.CountAsync(m => m.UserId == user.Id), tenant.Id)).ShouldBe(0);
        var change = (await SingleSignOnTests.EventsAsync(app, tenant.Id, AuditEventType.ProvisionedAccountChanged)).ShouldHaveSingleItem();
        change.Before.ShouldBe("active");
        change.After.ShouldBe("name changed; inactive");
        (await SingleSignOnTests.EventsAsync(app, tenant.Id, AuditEventType.MemberRemoved)).ShouldHaveSingleItem().After.ShouldBe($"deprovisioned {id}");
        using (var browser = app.Browser())
        {
            var refused = await SingleSignOnTests.SignInThroughAsync(browser, email);
            refused.Headers.Location!.ToString().ShouldContain("sso=NotAMember");
            (await SingleSignOnTests.SignedInAsync(browser)).ShouldBeFalse();
        }

        // Still listed (inactive), so the provider can turn the person on again: 담당자 comes back.
        var (_, inactive) = await SendAsync(scim, HttpMethod.Get, $"{Users}/{id}");
        inactive["active"]!.GetValue<bool>().ShouldBeFalse();
        (await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """{"Operations":[{"op":"replace","value":{"active":true}}]}""")).Status.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.Memberships.Where(m => m.UserId == user.Id).Select(m => m.Role).ToListAsync(), tenant.Id))
            .ShouldBe([OrganizationRole.Officer]);

        // Entra's app roles: "add" joins a role, "replace" sets them (Korean names too), removing the last gives 담당자.
        var (added, withCiso) = await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """{"Operations":[{"op":"Add","path":"roles","value":[{"value":"ciso","display":"CISO"}]}]}""");
        added.ShouldBe(HttpStatusCode.OK, withCiso.ToJsonString());
        withCiso["roles"]!.AsArray().Select(r => r!["value"]!.GetValue<string>()).ShouldBe(["officer", "ciso"]);
        (await SingleSignOnTests.EventsAsync(app, tenant.Id, AuditEventType.MemberRolesChanged)).ShouldHaveSingleItem().After.ShouldBe($"Officer,Ciso; provisioned {id}");
        var (_, committee) = await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """{"Operations":[{"op":"replace","path":"roles","value":[{"value":"위원"},{"value":"committee-member"}]}]}""");
        committee["roles"]!.AsArray().Select(r => r!["value"]!.GetValue<string>()).ShouldBe(["committee-member"]);
        (await app.WithDbAsync(db => db.Memberships.Where(m => m.UserId == user.Id).Select(m => m.Role).ToListAsync(), tenant.Id)).ShouldBe([OrganizationRole.CommitteeMember]);
        var (unknown, unknownError) = await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """{"Operations":[{"op":"add","path":"roles","value":[{"value":"superuser"}]}]}""");
        unknown.ShouldBe(HttpStatusCode.BadRequest);
        unknownError["detail"]!.GetValue<string>().ShouldContain("unknown role 'superuser'");
        var (_, fallback) = await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """{"Operations":[{"op":"remove","path":"roles[value eq \"committee-member\"]"}]}""");
        fallback["roles"]!.AsArray().Select(r => r!["value"]!.GetValue<string>()).ShouldBe(["officer"]);

        // PUT replaces: a new userName and address.
        var (put, replaced) = await SendAsync(scim, HttpMethod.Put, $"{Users}/{id}", EntraUser($"minsu.kim@{tenant.Domain}", $"minsu.kim@{tenant.Domain}"));
        put.ShouldBe(HttpStatusCode.OK, replaced.ToJsonString());
        replaced["userName"]!.GetValue<string>().ShouldBe($"minsu.kim@{tenant.Domain}");
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == user.Id))).Email.ShouldBe($"minsu.kim@{tenant.Domain}");

        // DELETE: the person leaves the organisation and the resource is gone.
        using (var delete = await scim.DeleteAsync(new Uri($"{Users}/{id}", UriKind.Relative), Ct))
        {
            delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var (gone, error) = await SendAsync(scim, HttpMethod.Get, $"{Users}/{id}");
        gone.ShouldBe(HttpStatusCode.NotFound);
        error["schemas"]![0]!.GetValue<string>().ShouldBe("urn:ietf:params:scim:api:messages:2.0:Error");
        (await app.WithDbAsync(db => db.Memberships.CountAsync(m => m.UserId == user.Id), tenant.Id)).ShouldBe(0);
        (await SingleSignOnTests.EventsAsync(app, tenant.Id, AuditEventType.ProvisionedAccountDeleted)).ShouldHaveSingleItem();
        (await app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None), tenant.Id)).IsIntact.ShouldBeTrue();
        app.Logs.Lines.ShouldNotContain(line => line.Contains($"@{tenant.Domain}", StringComparison.OrdinalIgnoreCase), "no address in the log");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Bad_requests_get_SCIM_errors_and_change_nothing(string provider)
    {
        var app = await apps.GetAsync(provider);
        await using var idp = await FakeIdentityProvider.StartAsync();
        var tenant = await SingleSignOnTests.TenantWithSsoAsync(app, idp);
        tenant.Administrator.Dispose();
        using var scim = app.ApiClient((await app.CreateApiKeyAsync(tenant.Id)).Secret);
        var other = await SingleSignOnTests.TenantWithSsoAsync(app, idp);
        other.Administrator.Dispose();
        // Invited to another organisation before this one named the domain for its SSO.
        var (_, outsider) = await app.CreateMemberAsync(await app.CreateOrganizationAsync(), OrganizationRole.Officer, "Aa1!" + Guid.NewGuid().ToString("N"), "다른 기관", $"outsider@{tenant.Domain}");
        var (_, unrelated) = await app.CreateMemberAsync(await app.CreateOrganizationAsync(), OrganizationRole.Officer, "Aa1!" + Guid.NewGuid().ToString("N"));
        var eventsBefore = await app.WithDbAsync(db => db.AuditEvents.CountAsync(), tenant.Id);

        var refusals = new (string Json, HttpStatusCode Status, string ScimType, string Detail)[]
        {
            ("""{"emails":[{"value":"a@b.example"}]}""", HttpStatusCode.BadRequest, "invalidValue", "userName"),
            ("""{"userName":"not-an-address"}""", HttpStatusCode.BadRequest, "invalidValue", "e-mail"),
            (EntraUser($"x@{other.Domain}", $"x@{other.Domain}"), HttpStatusCode.BadRequest, "invalidValue", "SSO e-mail domains"),
            (EntraUser(unrelated, unrelated), HttpStatusCode.BadRequest, "invalidValue", "SSO e-mail domains"),
            (EntraUser(outsider, outsider), HttpStatusCode.Conflict, "uniqueness", "another organisation"),
            ($$"""{"userName":"y@{{tenant.Domain}}","active":"maybe"}""", HttpStatusCode.BadRequest, "invalidValue", "active"),
        };
        foreach (var (json, expected, scimType, detail) in refusals)
        {
            var (status, body) = await SendAsync(scim, HttpMethod.Post, Users, json);
            status.ShouldBe(expected, json);
            body["scimType"]!.GetValue<string>().ShouldBe(scimType, json);
            body["detail"]!.GetValue<string>().ShouldContain(detail, Case.Insensitive, json);
        }

        (await SendAsync(scim, HttpMethod.Get, Filter("displayName co \"kim\""))).Body["scimType"]!.GetValue<string>().ShouldBe("invalidFilter");
        (await app.WithDbAsync(db => db.ProvisionedAccounts.CountAsync(), tenant.Id)).ShouldBe(0);
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync(), tenant.Id)).ShouldBe(eventsBefore, "a refusal writes nothing");

        // An existing member is linked, keeping their roles; the last administrator cannot be deactivated.
        var adminEmail = $"admin@{tenant.Domain}";
        var (linked, resource) = await SendAsync(scim, HttpMethod.Post, Users, EntraUser(adminEmail, adminEmail));
        linked.ShouldBe(HttpStatusCode.Created);
        var id = resource["id"]!.GetValue<string>();
        (await SingleSignOnTests.EventsAsync(app, tenant.Id, AuditEventType.MemberProvisioned)).ShouldHaveSingleItem().After.ShouldBe("linked; active");
        var (last, lastError) = await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """{"Operations":[{"op":"Replace","path":"active","value":false}]}""");
        last.ShouldBe(HttpStatusCode.BadRequest);
        lastError["scimType"]!.GetValue<string>().ShouldBe("mutability");
        (await app.WithDbAsync(db => db.Memberships.CountAsync(m => m.Role == OrganizationRole.Administrator), tenant.Id)).ShouldBe(1);
        (await app.WithDbAsync(db => db.ProvisionedAccounts.SingleAsync(), tenant.Id)).Active.ShouldBeTrue("nothing of the refused change is kept");
        (await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """{"Operations":[{"op":"replace","path":"roles","value":[{"value":"officer"}]}]}""")).Body["scimType"]!.GetValue<string>().ShouldBe("mutability");
        (await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """{"Operations":[]}""")).Status.ShouldBe(HttpStatusCode.OK);

        // A new person with the provider's role.
        var auditorEmail = $"auditor@{tenant.Domain}";
        var (createdAuditor, auditor) = await SendAsync(scim, HttpMethod.Post, Users, $$"""{"userName":"{{auditorEmail}}","roles":[{"value":"auditor","primary":true}]}""");
        createdAuditor.ShouldBe(HttpStatusCode.Created, auditor.ToJsonString());
        auditor["roles"]![0]!["value"]!.GetValue<string>().ShouldBe("auditor");
        auditor["displayName"]!.GetValue<string>().ShouldBe("auditor", "the address's local part when no name comes");
        (await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """{"op":"replace"}""")).Body["scimType"]!.GetValue<string>().ShouldBe("invalidSyntax");
        (await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """{"Operations":[{"op":"remove","path":"userName"}]}""")).Body["scimType"]!.GetValue<string>().ShouldBe("mutability");

        // Only an administrator's key with the SCIM scopes; another organisation's key finds nothing.
        using var officer = app.ApiClient((await app.CreateApiKeyAsync(tenant.Id, OrganizationRole.Officer)).Secret);
        (await officer.GetAsync(new Uri(Users, UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var narrow = await app.WithDbAsync(async db =>
        {
            var (key, secret) = ApiKey.Create("cloud only", OrganizationRole.Administrator, db.Clock.GetUtcNow(), ["cloud-use:read"]);
            db.ApiKeys.Add(key);
            db.Audit(AuditEventType.ApiKeyCreated, nameof(ApiKey), key.Id);
            await db.SaveChangesAsync();
            return secret;
        }, tenant.Id);
        using var unscoped = app.ApiClient(narrow);
        (await unscoped.GetAsync(new Uri(Users, UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var stranger = app.ApiClient((await app.CreateApiKeyAsync(other.Id)).Secret);
        (await SendAsync(stranger, HttpMethod.Get, $"{Users}/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(stranger, HttpMethod.Get, Users)).Body["totalResults"]!.GetValue<int>().ShouldBe(0);

        // What the service supports, for the provider's set-up.
        var (_, config) = await SendAsync(scim, HttpMethod.Get, "/api/scim/v2/ServiceProviderConfig");
        config["patch"]!["supported"]!.GetValue<bool>().ShouldBeTrue();
        config["bulk"]!["supported"]!.GetValue<bool>().ShouldBeFalse();
        var (_, types) = await SendAsync(scim, HttpMethod.Get, "/api/scim/v2/ResourceTypes");
        types["Resources"]![0]!["endpoint"]!.GetValue<string>().ShouldBe("/Users");
    }
}
