using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.Webhooks;
using FinCloud.Web.Features.Webhooks;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FinCloud.Web.Tests.Webhooks;

public sealed class WebhookTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Signature_reproduces_the_standard_webhooks_test_vector()
    {
        // The published Standard Webhooks vector: what every receiver library checks against.
        var body = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");
        WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body)
            .ShouldBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    [Fact]
    public void Verification_refuses_another_body_id_timestamp_or_secret()
    {
        var secret = WebhookSignature.NewSecret();
        var body = "{\"type\":\"webhook.test\"}"u8.ToArray();
        var header = "v1,bm9wZQ== " + WebhookSignature.Sign(secret, "msg_1", 1700000000, body);

        WebhookSignature.Verify(secret, "msg_1", 1700000000, body, header).ShouldBeTrue();
        WebhookSignature.Verify(secret, "msg_1", 1700000000, "{\"type\":\"webhook.tesT\"}"u8, header).ShouldBeFalse();
        WebhookSignature.Verify(secret, "msg_2", 1700000000, body, header).ShouldBeFalse();
        WebhookSignature.Verify(secret, "msg_1", 1700000001, body, header).ShouldBeFalse();
        WebhookSignature.Verify(WebhookSignature.NewSecret(), "msg_1", 1700000000, body, header).ShouldBeFalse();
        secret.ShouldStartWith("whsec_");
        Convert.FromBase64String(secret["whsec_".Length..]).Length.ShouldBe(32);
    }

    [Fact]
    public void Every_audit_event_has_an_area_and_a_type_of_its_own()
    {
        var types = Enum.GetValues<AuditEventType>().Select(WebhookEvents.TypeOf).ToList();
        types.Distinct().Count().ShouldBe(types.Count);
        WebhookEvents.TypeOf(AuditEventType.CloudUseCaseOpened).ShouldBe("cloud-use.cloud-use-case-opened");
        WebhookEvents.TypeOf(AuditEventType.ApiKeyCreated).ShouldBe("api-key.api-key-created");
        WebhookEvents.AreaOf(AuditEventType.IncidentReportSubmitted).ShouldBe("continuity");
        WebhookEvents.Areas.Distinct().Count().ShouldBe(WebhookEvents.Areas.Count);
    }

    private static async Task<(FinCloudApp App, FakeTimeProvider Clock)> StartAsync(string provider)
    {
        var clock = new FakeTimeProvider(Start);
        var app = await FinCloudApp.StartAsync(provider, clock: clock, settings: new Dictionary<string, string>
        {
            ["Jobs:Enabled"] = "false",
            ["Webhooks:AllowHttp"] = "true",
        });
        return (app, clock);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Audit_events_reach_the_receiver_signed_retried_and_only_from_its_own_organization(string provider)
    {
        var (app, clock) = await StartAsync(provider);
        await using var _ = app;
        await using var receiver = await WebhookReceiver.StartAsync();
        var a = await app.CreateOrganizationAsync();
        var b = await app.CreateOrganizationAsync();
        var (_, adminA) = await app.CreateApiKeyAsync(a);
        using var api = app.ApiClient(adminA);
        var created = await Created(api, new SaveWebhookRequest(receiver.Url, "SIEM", ["api-key"]));
        var dispatcher = app.Services.GetRequiredService<WebhookDispatcher>();

        // Nothing from before the endpoint existed, nothing of another area (its own creation is a webhook event).
        (await dispatcher.RunAsync(CancellationToken.None)).ShouldBe(new WebhookRunResult(0, 0, 0));

        await app.CreateApiKeyAsync(b);   // organisation B's event: never sent to A's receiver
        var (keyId, _) = await app.CreateApiKeyAsync(a);
        receiver.Answer(500);
        (await dispatcher.RunAsync(CancellationToken.None)).ShouldBe(new WebhookRunResult(1, 0, 1));
        (await dispatcher.RunAsync(CancellationToken.None)).ShouldBe(new WebhookRunResult(0, 0, 0));   // retried after 5 s, not before
        clock.Advance(TimeSpan.FromSeconds(5));
        (await dispatcher.RunAsync(CancellationToken.None)).ShouldBe(new WebhookRunResult(0, 1, 0));

        var requests = receiver.Requests.ToList();
        requests.Count.ShouldBe(2);
        requests[1].Id.ShouldBe(requests[0].Id);   // the same webhook-id on a retry: receivers drop duplicates by it
        requests[1].Timestamp.ShouldBe(Start.AddSeconds(5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var r in requests)
        {
            WebhookSignature.Verify(created.Secret, r.Id!, long.Parse(r.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), r.Body, r.Signature!).ShouldBeTrue();
            r.ContentType.ShouldBe("application/json; charset=utf-8");
        }

        var e = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(x => x.EntityId == keyId.ToString()), a);
        var json = requests[1].Json;
        json.GetProperty("type").GetString().ShouldBe("api-key.api-key-created");
        var data = json.GetProperty("data");
        data.GetProperty("organizationId").GetGuid().ShouldBe(a);
        data.GetProperty("sequence").GetInt64().ShouldBe(e.Sequence);
        data.GetProperty("hash").GetString().ShouldBe(e.Hash);   // receivers can check the chain
        requests[0].Id.ShouldBe("evt_" + e.Id.ToString("N"));

        using var log = await api.GetAsync($"/api/webhooks/{created.Webhook.Id}/deliveries", TestContext.Current.CancellationToken);
        var deliveries = await FinCloudApp.ReadAsync<List<WebhookDeliveryDto>>(log);
        deliveries.Single().Status.ShouldBe(WebhookDeliveryStatus.Succeeded);
        deliveries.Single().Attempts.ShouldBe(2);
        log.Headers.GetValues("X-Total-Count").Single().ShouldBe("1");

        // Paused: events of the paused time are not sent when it resumes.
        (await api.PutAsJsonAsync($"/api/webhooks/{created.Webhook.Id}", new SaveWebhookRequest(receiver.Url, "SIEM", ["api-key"], IsActive: false), FinCloudApp.Json, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await app.CreateApiKeyAsync(a);
        (await api.PutAsJsonAsync($"/api/webhooks/{created.Webhook.Id}", new SaveWebhookRequest(receiver.Url, "SIEM", ["api-key"]), FinCloudApp.Json, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await dispatcher.RunAsync(CancellationToken.None)).Queued.ShouldBe(0);
        await app.CreateApiKeyAsync(a);
        (await dispatcher.RunAsync(CancellationToken.None)).ShouldBe(new WebhookRunResult(1, 1, 0));
        receiver.Requests.Count.ShouldBe(3);
        receiver.Requests.ShouldAllBe(r => r.Json.GetProperty("data").GetProperty("organizationId").GetGuid() == a);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_receiver_that_keeps_failing_gets_every_retry_then_the_delivery_fails_until_resent(string provider)
    {
        var (app, clock) = await StartAsync(provider);
        await using var _ = app;
        await using var receiver = await WebhookReceiver.StartAsync();
        var a = await app.CreateOrganizationAsync();
        var (_, adminA) = await app.CreateApiKeyAsync(a);
        using var api = app.ApiClient(adminA);
        var created = await Created(api, new SaveWebhookRequest(receiver.Url, "", ["api-key"]));
        var dispatcher = app.Services.GetRequiredService<WebhookDispatcher>();
        receiver.DefaultStatus = 503;
        await app.CreateApiKeyAsync(a);

        await dispatcher.RunAsync(CancellationToken.None);
        foreach (var delay in WebhookDelivery.RetryDelays)
        {
            clock.Advance(delay - TimeSpan.FromSeconds(1));
            (await dispatcher.RunAsync(CancellationToken.None)).Failed.ShouldBe(0);   // not yet due
            clock.Advance(TimeSpan.FromSeconds(1));
            (await dispatcher.RunAsync(CancellationToken.None)).Failed.ShouldBe(1);
        }

        receiver.Requests.Count.ShouldBe(WebhookDelivery.RetryDelays.Length + 1);
        clock.Advance(TimeSpan.FromDays(2));
        (await dispatcher.RunAsync(CancellationToken.None)).ShouldBe(new WebhookRunResult(0, 0, 0));
        var failed = (await FinCloudApp.ReadAsync<List<WebhookDeliveryDto>>(
            await api.GetAsync($"/api/webhooks/{created.Webhook.Id}/deliveries?status=failed", TestContext.Current.CancellationToken))).Single();
        failed.LastStatusCode.ShouldBe(503);
        failed.LastError.ShouldBe("HTTP 503 Service Unavailable");

        // 재전송: a fresh set of retries, audited.
        receiver.DefaultStatus = 200;
        (await api.PostAsync($"/api/webhooks/{created.Webhook.Id}/deliveries/{failed.Id}/retry", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await dispatcher.RunAsync(CancellationToken.None)).ShouldBe(new WebhookRunResult(0, 1, 0));   // the retry request is a webhook-area event, not asked for
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync(x => x.Type == AuditEventType.WebhookRedeliveryRequested), a)).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Addresses_and_areas_are_checked_the_secret_is_shown_once_and_a_test_message_arrives(string provider)
    {
        var (app, clock) = await StartAsync(provider);
        await using var __ = app;
        await using var receiver = await WebhookReceiver.StartAsync();
        var a = await app.CreateOrganizationAsync();
        var (_, adminA) = await app.CreateApiKeyAsync(a);
        using var api = app.ApiClient(adminA);

        foreach (var (request, field) in new[]
        {
            (new SaveWebhookRequest("ftp://files.example/in"), "url"),
            (new SaveWebhookRequest("https://user:pw@tickets.example/hook"), "url"),
            (new SaveWebhookRequest("/relative"), "url"),
            (new SaveWebhookRequest("https://tickets.example/hook", Areas: ["cloud-use", "weather"]), "areas"),
            (new SaveWebhookRequest("https://tickets.example/hook", Areas: []), "areas"),
        })
        {
            using var refused = await api.PostAsJsonAsync("/api/webhooks", request, FinCloudApp.Json, TestContext.Current.CancellationToken);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            problem.GetProperty("errors").TryGetProperty(field, out var _).ShouldBeTrue($"{request} names {field}");
        }

        var created = await Created(api, new SaveWebhookRequest(receiver.Url, "티켓 시스템"));
        var stored = await app.WithDbAsync(db => db.WebhookEndpoints.SingleAsync(), a);
        stored.ProtectedSecret.ShouldNotContain(created.Secret["whsec_".Length..]);
        var listed = await api.GetStringAsync("/api/webhooks", TestContext.Current.CancellationToken);
        listed.ShouldNotContain(created.Secret);
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Type == AuditEventType.WebhookEndpointCreated).Select(e => e.After).SingleAsync(), a);
        audit.ShouldBe($"url={receiver.Url}; areas=all; active=True");

        using var test = await api.PostAsync($"/api/webhooks/{created.Webhook.Id}/test", null, TestContext.Current.CancellationToken);
        var delivery = await FinCloudApp.ReadAsync<WebhookDeliveryDto>(test);
        delivery.Status.ShouldBe(WebhookDeliveryStatus.Succeeded);
        var message = receiver.Requests.Single();
        message.Json.GetProperty("type").GetString().ShouldBe("webhook.test");
        message.Text.ShouldContain("웹훅 테스트");   // Korean as text, not \u escapes
        WebhookSignature.Verify(created.Secret, message.Id!, long.Parse(message.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), message.Body, message.Signature!).ShouldBeTrue();

        // A new secret signs from now on; the old one signs beside it for 24 hours, so the receiver can switch without a gap.
        var rotated = await FinCloudApp.ReadAsync<WebhookSecretDto>(await api.PostAsync($"/api/webhooks/{created.Webhook.Id}/secret", null, TestContext.Current.CancellationToken));
        rotated.Secret.ShouldNotBe(created.Secret);
        async Task<WebhookReceiver.Received> TestMessageAsync()
        {
            await api.PostAsync($"/api/webhooks/{created.Webhook.Id}/test", null, TestContext.Current.CancellationToken);
            return receiver.Requests.Last();
        }

        bool Verifies(string secret, WebhookReceiver.Received r) =>
            WebhookSignature.Verify(secret, r.Id!, long.Parse(r.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), r.Body, r.Signature!);

        var during = await TestMessageAsync();
        during.Signature!.Split(' ').Length.ShouldBe(2);
        Verifies(rotated.Secret, during).ShouldBeTrue();
        Verifies(created.Secret, during).ShouldBeTrue();
        clock.Advance(WebhookEndpoint.RotationOverlap);
        var after = await TestMessageAsync();
        Verifies(rotated.Secret, after).ShouldBeTrue();
        Verifies(created.Secret, after).ShouldBeFalse();

        // A leaked secret is replaced without overlap: it stops at once.
        var urgent = await FinCloudApp.ReadAsync<WebhookSecretDto>(await api.PostAsync($"/api/webhooks/{created.Webhook.Id}/secret?overlap=false", null, TestContext.Current.CancellationToken));
        var now = await TestMessageAsync();
        Verifies(urgent.Secret, now).ShouldBeTrue();
        Verifies(rotated.Secret, now).ShouldBeFalse();

        // A receiver that is down: the test answers with the reason, and the endpoint can be deleted with its log.
        await receiver.DisposeAsync();
        var down = await FinCloudApp.ReadAsync<WebhookDeliveryDto>(await api.PostAsync($"/api/webhooks/{created.Webhook.Id}/test", null, TestContext.Current.CancellationToken));
        down.Status.ShouldBe(WebhookDeliveryStatus.Pending);
        down.LastStatusCode.ShouldBeNull();
        down.LastError.ShouldNotBeNullOrEmpty();
        (await api.DeleteAsync($"/api/webhooks/{created.Webhook.Id}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.WithDbAsync(db => db.WebhookDeliveries.CountAsync(), a)).ShouldBe(0);
        (await api.GetAsync($"/api/webhooks/{created.Webhook.Id}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<WebhookSecretDto> Created(HttpClient api, SaveWebhookRequest request)
    {
        using var response = await api.PostAsJsonAsync("/api/webhooks", request, FinCloudApp.Json, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await FinCloudApp.ReadAsync<WebhookSecretDto>(response);
    }
}
