using FinCloud.Core.Tenancy;

namespace FinCloud.Core.Features.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its first attempt or for the next retry.</summary>
    Pending,

    Succeeded,

    /// <summary>Every retry failed; an administrator can send it again.</summary>
    Failed,
}

/// <summary>
/// One message to one endpoint: an audit event, or a test message. Its <see cref="MessageId"/> stays the same across
/// retries (<c>webhook-id</c>), so receivers can drop duplicates; each attempt is signed afresh with its own timestamp.
/// </summary>
public sealed class WebhookDelivery : ITenantOwned
{
    /// <summary>Waits after the 1st, 2nd… failed attempt (Standard Webhooks' suggested schedule); after the last, the delivery fails.</summary>
    public static readonly TimeSpan[] RetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    public const int MaxErrorLength = 300;

    private WebhookDelivery()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid EndpointId { get; private init; }

    /// <summary>The <c>webhook-id</c> header: <c>evt_</c> and the audit event's id, or <c>msg_</c> and this delivery's id for a test.</summary>
    public string MessageId { get; private init; } = "";

    /// <summary>The event's <c>type</c> in the payload (<see cref="WebhookEvents.TypeOf"/>).</summary>
    public string EventType { get; private init; } = "";

    /// <summary>The audit event sent; null for a test message.</summary>
    public Guid? AuditEventId { get; private init; }

    public long? AuditSequence { get; private init; }

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>The receiver's HTTP status of the last attempt; null when no response came.</summary>
    public int? LastStatusCode { get; private set; }

    /// <summary>Why the last attempt failed (status or connection error), never the response body.</summary>
    public string? LastError { get; private set; }

    public static WebhookDelivery ForEvent(WebhookEndpoint endpoint, Audit.AuditEvent e, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = endpoint.OrganizationId,
            EndpointId = endpoint.Id,
            MessageId = "evt_" + e.Id.ToString("N"),
            EventType = WebhookEvents.TypeOf(e.Type),
            AuditEventId = e.Id,
            AuditSequence = e.Sequence,
            CreatedAt = now,
            NextAttemptAt = now,
        };

    public static WebhookDelivery ForTest(WebhookEndpoint endpoint, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new()
        {
            Id = id,
            OrganizationId = endpoint.OrganizationId,
            EndpointId = endpoint.Id,
            MessageId = "msg_" + id.ToString("N"),
            EventType = WebhookEvents.TestType,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    public bool IsDue(DateTimeOffset now) => Status == WebhookDeliveryStatus.Pending && NextAttemptAt <= now;

    public void Succeeded(int statusCode, DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastError = null;
        Status = WebhookDeliveryStatus.Succeeded;
    }

    /// <summary>Records a failed attempt: retried after the next delay of <see cref="RetryDelays"/>, or failed for good.</summary>
    public void AttemptFailed(int? statusCode, string error, DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        if (Attempts > RetryDelays.Length)
        {
            Status = WebhookDeliveryStatus.Failed;
        }
        else
        {
            NextAttemptAt = now + RetryDelays[Attempts - 1];
        }
    }

    /// <summary>Sends it again at the next run, with a fresh set of retries (an administrator's 재전송).</summary>
    public void Retry(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }
}
