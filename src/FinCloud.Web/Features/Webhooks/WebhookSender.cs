using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.Webhooks;
using Microsoft.AspNetCore.DataProtection;

namespace FinCloud.Web.Features.Webhooks;

/// <summary>The webhook secrets, protected at rest by the installation's Data Protection keys.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("FinCloud.Webhooks.Secret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}

/// <summary>
/// Posts one delivery: the JSON body (<c>type</c>, <c>timestamp</c>, <c>data</c>), Standard Webhooks headers signed with
/// the endpoint's secret, and the outcome recorded on the delivery (status code or connection error, never the body).
/// </summary>
public sealed partial class WebhookSender(IHttpClientFactory clients, WebhookSecrets secrets, ILogger<WebhookSender> log)
{
    public const string HttpClientName = "webhooks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Sends <paramref name="delivery"/> once; true when the receiver answered 2xx. The caller saves.</summary>
    /// <param name="auditEvent">The event the delivery carries (the caller loads a batch's in one query); null for a test message.</param>
    public async Task<bool> SendAsync(FinCloudDbContext db, WebhookEndpoint endpoint, WebhookDelivery delivery, AuditEvent? auditEvent, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow();
        var body = Body(endpoint, delivery, auditEvent);
        if (body is null)
        {
            delivery.AttemptFailed(null, "The audit event is no longer there.", now);
            return false;
        }

        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // During a rotation's overlap the old secret signs too: Standard Webhooks receivers accept any listed signature.
        request.Headers.Add("webhook-signature", string.Join(' ',
            endpoint.SigningSecrets(now).Select(s => WebhookSignature.Sign(secrets.Unprotect(s), delivery.MessageId, timestamp, body))));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                delivery.Succeeded(code, db.Clock.GetUtcNow());
                return true;
            }

            delivery.AttemptFailed(code, $"HTTP {code} {response.ReasonPhrase}".TrimEnd(), db.Clock.GetUtcNow());
        }
        catch (HttpRequestException e)
        {
            delivery.AttemptFailed(null, e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}", db.Clock.GetUtcNow());
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            delivery.AttemptFailed(null, "No answer in time.", db.Clock.GetUtcNow());
        }

        LogFailed(log, endpoint.Id, delivery.MessageId, delivery.Attempts, delivery.LastError ?? "");
        return false;
    }

    private static byte[]? Body(WebhookEndpoint endpoint, WebhookDelivery delivery, AuditEvent? e)
    {
        if (delivery.AuditEventId is null)
        {
            return JsonSerializer.SerializeToUtf8Bytes(new
            {
                type = delivery.EventType,
                timestamp = delivery.CreatedAt,
                data = new { endpointId = endpoint.Id, organizationId = endpoint.OrganizationId, message = "FinCloud 웹훅 테스트 메시지입니다. (FinCloud webhook test message.)" },
            }, Json);
        }

        return e?.Id != delivery.AuditEventId ? null : JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = delivery.EventType,
            timestamp = e.OccurredAt,
            data = new
            {
                id = e.Id,
                organizationId = e.OrganizationId,
                sequence = e.Sequence,
                eventType = e.Type.ToString(),
                occurredAt = e.OccurredAt,
                actorKind = e.ActorKind.ToString(),
                actorId = e.ActorId,
                entityType = e.EntityType,
                entityId = e.EntityId,
                before = e.Before,
                after = e.After,
                hash = e.Hash,
                previousHash = e.PreviousHash,
            },
        }, Json);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EndpointId}: message {MessageId} failed on attempt {Attempt}: {Error}")]
    private static partial void LogFailed(ILogger logger, Guid endpointId, string messageId, int attempt, string error);
}
