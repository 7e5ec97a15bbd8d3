using System.Net;
using System.Net.Http.Json;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Web.Api;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Api;

/// <summary>
/// Generated from the app's endpoint list: every /api endpoint is called by organisation A's administrator key
/// against organisation B. New endpoints are covered without touching this test, or make it fail until they
/// declare how they keep tenants apart.
/// </summary>
public sealed class CrossTenantTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Other_institution_gets_not_found_on_every_api_endpoint(string provider)
    {
        var app = await apps.GetAsync(provider);
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var (_, secretA) = await app.CreateApiKeyAsync(a, OrganizationRole.Administrator);
        var (keyB, _) = await app.CreateApiKeyAsync(b, OrganizationRole.Administrator);
        // Organisation A names the SSO domain of the SCIM example (its provider may provision only its own domains).
        await app.WithDbAsync(async db =>
        {
            var sso = SingleSignOn.Create(db.Clock.GetUtcNow());
            sso.Update("https://login.example/a", "fincloud", null, ["hanbit.example"], enabled: false, required: false, db.Clock.GetUtcNow());
            db.SingleSignOns.Add(sso);
            db.Audit(AuditEventType.SingleSignOnChanged, nameof(SingleSignOn), sso.Id, after: sso.Describe());
            return await db.SaveChangesAsync();
        }, a);
        var cloudUseOfB = await CloudUse.CloudUseResources.OfAsync(app, b);
        var separationB = await NetworkSeparation.SeparationRecords.CreateForAsync(app, b);
        var continuityOfB = await Continuity.ContinuityRecords.ResourcesOfAsync(app, b);
        var exchangeOfB = await Exchange.ExchangeResources.OfAsync(app, b);
        var webhooksOfB = await Webhooks.WebhookResources.OfAsync(app, b);
        var (memberB, _) = await app.CreateMemberAsync(b, OrganizationRole.Officer, "Aa1!" + Guid.NewGuid().ToString("N"));
        var invitationB = await Account.MemberManagementTests.InvitationAsync(app, b);
        var provisionedB = await Account.ProvisioningTests.ProvisionedAsync(app, b);
        var eventB = await app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Id).FirstAsync(), b);
        var headB = await app.WithDbAsync(db => db.AuditChainHeads.SingleAsync(), b);
        var resourcesOfB = new Dictionary<string, Guid>
        {
            ["apiKeyId"] = keyB, ["eventId"] = eventB, ["userId"] = memberB, ["invitationId"] = invitationB,
            ["provisionedAccountId"] = provisionedB,
            ["exemptionId"] = separationB.ExemptionId, ["dataSetId"] = separationB.DataSetId, ["findingId"] = separationB.FindingId,
        };
        foreach (var (name, id) in cloudUseOfB.Concat(continuityOfB).Concat(exchangeOfB).Concat(webhooksOfB))
        {
            resourcesOfB[name] = id;
        }

        var secretsOfB = new[] { b.ToString(), keyB.ToString(), eventB.ToString(), headB.LastHash };

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var (probes, failures) = CrossTenantPlan.Plan(endpoints, resourcesOfB);
        var problems = failures.ToList();
        using var client = app.ApiClient(secretA);
        foreach (var probe in probes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path);
            if (probe.Body is not null)
            {
                request.Content = JsonContent.Create(probe.Body, probe.Body.GetType(), options: FinCloudApp.Json);
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            switch (probe.Isolation)
            {
                case TenantIsolation.RouteResource when response.StatusCode != HttpStatusCode.NotFound:
                    problems.Add($"{probe.Method} {probe.Path}: {(int)response.StatusCode} instead of 404 for organisation B's record {body}");
                    break;
                case TenantIsolation.CallerOrganization when !response.IsSuccessStatusCode:
                    problems.Add($"{probe.Method} {probe.Path}: {(int)response.StatusCode} for the caller's own organisation");
                    break;
                case TenantIsolation.CallerOrganization or TenantIsolation.TenantFree
                    when secretsOfB.FirstOrDefault(s => body.Contains(s, StringComparison.OrdinalIgnoreCase)) is { } leaked:
                    problems.Add($"{probe.Method} {probe.Path}: response shows organisation B's data ({leaked})");
                    break;
                default:
                    break;
            }
        }

        problems.ShouldBeEmpty();
        probes.Count(p => p.Isolation == TenantIsolation.RouteResource).ShouldBeGreaterThanOrEqualTo(2);
        var headAfter = await app.WithDbAsync(db => db.AuditChainHeads.AsNoTracking().SingleAsync(), b);
        headAfter.LastSequence.ShouldBe(headB.LastSequence, "organisation B's audit trail must not change");
        (await app.WithDbAsync(db => db.ApiKeys.SingleAsync(k => k.Id == keyB), b)).IsActive.ShouldBeTrue();
        (await app.WithDbAsync(db => db.Memberships.CountAsync(m => m.UserId == memberB), b)).ShouldBe(1, "organisation B's member keeps their role");
        (await app.WithDbAsync(db => db.Invitations.SingleAsync(i => i.Id == invitationB), b)).RevokedAt.ShouldBeNull();
        (await app.WithDbAsync(db => db.ProvisionedAccounts.SingleAsync(a => a.Id == provisionedB), b)).Active.ShouldBeTrue();
        (await app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None), b)).IsIntact.ShouldBeTrue();
    }

    private static RouteEndpoint Endpoint(string pattern, string method, params object[] metadata) =>
        new(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0,
            new EndpointMetadataCollection([new HttpMethodMetadata([method]), .. metadata]), pattern);

    [Fact]
    public void An_endpoint_that_neither_names_a_resource_nor_declares_its_scope_fails_the_plan()
    {
        var (probes, failures) = CrossTenantPlan.Plan([Endpoint("/api/things", "GET")], new Dictionary<string, Guid>());
        probes.ShouldBeEmpty();
        failures.ShouldHaveSingleItem().ShouldContain("neither");
    }

    [Fact]
    public void A_route_parameter_without_a_resource_of_organisation_B_fails_the_plan()
    {
        var (_, failures) = CrossTenantPlan.Plan([Endpoint("/api/things/{thingId:guid}", "GET")], new Dictionary<string, Guid>());
        failures.ShouldHaveSingleItem().ShouldContain("thingId");
    }

    [Fact]
    public void A_route_parameter_is_filled_with_organisation_Bs_id()
    {
        var id = Guid.NewGuid();
        var (probes, failures) = CrossTenantPlan.Plan([Endpoint("/api/things/{thingId:guid}", "DELETE")], new Dictionary<string, Guid> { ["thingId"] = id });
        failures.ShouldBeEmpty();
        probes.ShouldHaveSingleItem().Path.ShouldBe($"/api/things/{id}");
    }
}
