using FinCloud.Core.Features.Webhooks;
using FinCloud.Web.Features.Webhooks;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Webhooks;

/// <summary>A webhook and one of its deliveries in one organisation, for the route parameters of cross-tenant and role probes.</summary>
public static class WebhookResources
{
    /// <summary>The address refuses connections at once (port 9 on loopback): a probe of the test message costs no timeout.</summary>
    public static Task<Dictionary<string, Guid>> OfAsync(FinCloudApp app, Guid organizationId) =>
        app.WithDbAsync(async db =>
        {
            var secrets = app.Services.GetRequiredService<WebhookSecrets>();
            var endpoint = WebhookEndpoint.Create("https://127.0.0.1:9/hook", "probe", null, secrets.Protect(WebhookSignature.NewSecret()), 0, db.Clock.GetUtcNow());
            var delivery = WebhookDelivery.ForTest(endpoint, db.Clock.GetUtcNow());
            db.AddRange(endpoint, delivery);
            await db.SaveChangesAsync();
            return new Dictionary<string, Guid> { ["webhookId"] = endpoint.Id, ["deliveryId"] = delivery.Id };
        }, organizationId);
}
