using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Tenancy;
using FinCloud.Web.Api;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Continuity;

/// <summary>비상대책 API: procedure versions and the response organisation, validated and audited.</summary>
public sealed class EmergencyPlanApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<int> EventsAsync(FinCloudApp app, Guid org, AuditEventType type) =>
        app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Type == type), org);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return (await FinCloudApp.ReadAsync<JsonElement>(response)).GetProperty("errors");
    }

    private static IEnumerable<string> Fields(JsonElement errors) => errors.EnumerateObject().Select(p => p.Name.ToLowerInvariant());

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_new_version_supersedes_the_current_one_and_each_change_is_audited(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (_, secret) = await app.CreateApiKeyAsync(org, OrganizationRole.Officer);
        using var client = app.ApiClient(secret);

        var created = await client.PostAsJsonAsync("/api/continuity/procedures",
            new { scenario = "csp-outage", title = "CSP 장애 대응", steps = "1. CSP 장애 확인\n2. 대체 리전 전환", reviewedOn = "2025-01-10" }, FinCloudApp.Json, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var v1 = await FinCloudApp.ReadAsync<JsonElement>(created);
        v1.GetProperty("version").GetInt32().ShouldBe(1);
        v1.GetProperty("scenario").GetString().ShouldBe("csp-outage");
        v1.GetProperty("isStale").GetBoolean().ShouldBeTrue("reviewed more than 12 months ago");
        var v1Id = v1.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/continuity/procedures/{v1Id}");

        var revised = await client.PostAsJsonAsync($"/api/continuity/procedures/{v1Id}/versions",
            new { title = "CSP 장애 대응", steps = "1. CSP 장애 확인\n2. 대체 리전 전환\n3. 금융감독원 보고", reviewedOn = "2026-11-02" }, FinCloudApp.Json, Ct);
        revised.StatusCode.ShouldBe(HttpStatusCode.Created);
        var v2 = await FinCloudApp.ReadAsync<JsonElement>(revised);
        v2.GetProperty("version").GetInt32().ShouldBe(2);
        v2.GetProperty("isCurrent").GetBoolean().ShouldBeTrue();
        v2.GetProperty("isStale").GetBoolean().ShouldBeFalse();

        var old = await FinCloudApp.ReadAsync<JsonElement>(await client.GetAsync(new Uri($"/api/continuity/procedures/{v1Id}", UriKind.Relative), Ct));
        old.GetProperty("isCurrent").GetBoolean().ShouldBeFalse();
        var again = await client.PostAsJsonAsync($"/api/continuity/procedures/{v1Id}/versions",
            new { title = "분기된 절차", steps = "1. 확인", reviewedOn = "2026-11-02" }, FinCloudApp.Json, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict, "an old version cannot be revised: the history would fork");
        again.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await FinCloudApp.ReadAsync<JsonElement>(again);
        problem.GetProperty("status").GetInt32().ShouldBe(409);
        problem.GetProperty("code").GetString().ShouldBe("superseded");
        problem.GetProperty("detail").GetString().ShouldBe("새 버전으로 대체된 절차입니다. 현재 버전을 개정하거나 검토하세요.");

        var current = await FinCloudApp.ReadAsync<JsonElement>(await client.GetAsync(new Uri("/api/continuity/procedures?scenario=csp-outage&current=true", UriKind.Relative), Ct));
        current.EnumerateArray().Select(p => p.GetProperty("version").GetInt32()).ShouldBe([2]);

        var reviewed = await client.PostAsJsonAsync($"/api/continuity/procedures/{v2.GetProperty("id").GetGuid()}/review", new { reviewedOn = "2026-11-20" }, FinCloudApp.Json, Ct);
        reviewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FinCloudApp.ReadAsync<JsonElement>(reviewed)).GetProperty("reviewDueOn").GetString().ShouldBe("2027-11-20");

        (await EventsAsync(app, org, AuditEventType.EmergencyProcedureVersioned)).ShouldBe(2);
        (await EventsAsync(app, org, AuditEventType.EmergencyProcedureReviewed)).ShouldBe(1);
        (await app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None), org)).IsIntact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Bad_procedure_input_names_the_field_and_writes_nothing(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (_, secret) = await app.CreateApiKeyAsync(org, OrganizationRole.Officer);
        using var client = app.ApiClient(secret);

        Fields(await ProblemAsync(await client.PostAsJsonAsync("/api/continuity/procedures",
            new { scenario = "fire", title = "", steps = "1. 대피", reviewedOn = "2026-01-01" }, FinCloudApp.Json, Ct))).ShouldContain("title");
        Fields(await ProblemAsync(await client.PostAsJsonAsync("/api/continuity/procedures",
            new { scenario = "fire", title = "화재", steps = "   ", reviewedOn = "2026-01-01" }, FinCloudApp.Json, Ct))).ShouldContain("steps");
        Fields(await ProblemAsync(await client.PostAsJsonAsync("/api/continuity/procedures",
            new { scenario = "fire", title = "화재", steps = "1. 대피", reviewedOn = "2099-01-01" }, FinCloudApp.Json, Ct))).ShouldContain("reviewedon");
        Fields(await ProblemAsync(await client.GetAsync(new Uri("/api/continuity/procedures?scenario=meteor", UriKind.Relative), Ct))).ShouldContain("scenario");

        (await EventsAsync(app, org, AuditEventType.EmergencyProcedureVersioned)).ShouldBe(0);
        (await app.WithDbAsync(db => db.EmergencyProcedures.CountAsync(), org)).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_retried_post_with_the_same_idempotency_key_adds_one_version(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (_, secret) = await app.CreateApiKeyAsync(org, OrganizationRole.Officer);
        using var client = app.ApiClient(secret);
        HttpRequestMessage Post() => new(HttpMethod.Post, "/api/continuity/procedures")
        {
            Headers = { { IdempotencyKeys.Header, "fire-v1" } },
            Content = JsonContent.Create(new { scenario = "fire", title = "화재 대응", steps = "1. 대피", reviewedOn = "2026-10-01" }, options: FinCloudApp.Json),
        };

        using var first = await client.SendAsync(Post(), Ct);
        using var second = await client.SendAsync(Post(), Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.Headers.Contains(IdempotencyKeys.ReplayedHeader).ShouldBeTrue();
        (await app.WithDbAsync(db => db.EmergencyProcedures.CountAsync(), org)).ShouldBe(1);
        (await EventsAsync(app, org, AuditEventType.EmergencyProcedureVersioned)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_role_is_edited_with_a_member_as_holder_and_the_edit_is_audited(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var member = await MemberAsync(app, org);
        var outsider = await MemberAsync(app, await app.CreateOrganizationAsync());
        var (_, secret) = await app.CreateApiKeyAsync(org, OrganizationRole.Officer);
        using var client = app.ApiClient(secret);

        var created = await client.PostAsJsonAsync("/api/continuity/roles",
            new { body = "복구팀", role = "팀장", responsibilities = "복구 지휘" }, FinCloudApp.Json, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var role = await FinCloudApp.ReadAsync<JsonElement>(created);
        role.GetProperty("isVacant").GetBoolean().ShouldBeTrue();
        var id = role.GetProperty("id").GetGuid();

        var updated = await client.PutAsJsonAsync($"/api/continuity/roles/{id}",
            new { body = "복구팀", role = "복구팀장", responsibilities = "시스템별 복구 지휘, 결과 보고", holderId = member }, FinCloudApp.Json, Ct);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await FinCloudApp.ReadAsync<JsonElement>(await client.GetAsync(new Uri($"/api/continuity/roles/{id}", UriKind.Relative), Ct));
        read.GetProperty("role").GetString().ShouldBe("복구팀장");
        read.GetProperty("holderId").GetGuid().ShouldBe(member);
        read.GetProperty("isVacant").GetBoolean().ShouldBeFalse();

        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Type == AuditEventType.EmergencyRoleUpdated), org);
        audit.EntityId.ShouldBe(id.ToString());
        audit.After.ShouldBe($"holder={member}; deputy=");

        // Another organisation's user cannot hold the role, and a deputy must be someone else.
        Fields(await ProblemAsync(await client.PutAsJsonAsync($"/api/continuity/roles/{id}",
            new { body = "복구팀", role = "팀장", responsibilities = "복구 지휘", holderId = outsider }, FinCloudApp.Json, Ct))).ShouldContain("holderid");
        Fields(await ProblemAsync(await client.PutAsJsonAsync($"/api/continuity/roles/{id}",
            new { body = "복구팀", role = "팀장", responsibilities = "복구 지휘", holderId = member, deputyId = member }, FinCloudApp.Json, Ct))).ShouldContain("deputyid");
        Fields(await ProblemAsync(await client.PostAsJsonAsync("/api/continuity/roles",
            new { body = "비상대책위원회", role = "간사", responsibilities = "" }, FinCloudApp.Json, Ct))).ShouldContain("responsibilities");
        (await EventsAsync(app, org, AuditEventType.EmergencyRoleUpdated)).ShouldBe(1);
        (await EventsAsync(app, org, AuditEventType.EmergencyRoleSaved)).ShouldBe(1);

        var list = await client.GetAsync(new Uri("/api/continuity/roles?pageSize=1", UriKind.Relative), Ct);
        list.Headers.GetValues(ApiPaging.TotalCountHeader).ShouldBe(["1"]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_auditor_key_reads_the_plan_but_cannot_change_it(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var (_, secret) = await app.CreateApiKeyAsync(org, OrganizationRole.Auditor);
        using var client = app.ApiClient(secret);
        (await client.GetAsync(new Uri("/api/continuity/roles", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/continuity/roles", new { body = "복구팀", role = "팀장", responsibilities = "복구 지휘" }, FinCloudApp.Json, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await EventsAsync(app, org, AuditEventType.EmergencyRoleSaved)).ShouldBe(0);
    }

    private static async Task<Guid> MemberAsync(FinCloudApp app, Guid org) =>
        (await app.CreateMemberAsync(org, OrganizationRole.Officer, "Aa1!" + Guid.NewGuid().ToString("N"), "복구 담당")).Id;
}
