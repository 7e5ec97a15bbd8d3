using System.Text.Json;
using FinCloud.Core.Audit;

namespace FinCloud.Core.Features.Webhooks;

/// <summary>
/// What a webhook sends: each audit event as <c>type</c> <c>&lt;area&gt;.&lt;event&gt;</c> (e.g.
/// <c>cloud-use.cloud-use-case-opened</c>), the area being its block of <see cref="AuditEventType"/>. Endpoints choose
/// areas, not single events: new events of an area reach the receivers that asked for the area.
/// </summary>
public static class WebhookEvents
{
    /// <summary>The <c>type</c> of the test message an administrator sends from the endpoint's page.</summary>
    public const string TestType = "webhook.test";

    /// <summary>Every area, in the order of the event blocks, by the first value of its block.</summary>
    private static readonly (int Block, string Area)[] Blocks =
    [
        (100, "organization"), (200, "account"), (300, "api-key"), (400, "audit"), (500, "sharing"), (600, "deadline"),
        (1000, "cloud-use"), (1100, "network-separation"), (1200, "continuity"), (1300, "scan"), (1400, "csp-registry"),
        (1500, "supervision"), (1600, "exchange"), (1700, "oscal"), (1800, "webhook"),
    ];

    public static IReadOnlyList<string> Areas { get; } = [.. Blocks.Select(b => b.Area)];

    public static string AreaOf(AuditEventType type)
    {
        var block = (int)type / 100 * 100;
        foreach (var (start, area) in Blocks)
        {
            if (start == block)
            {
                return area;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(type), type, "An audit event outside every area: add its block to WebhookEvents.");
    }

    public static string TypeOf(AuditEventType type) => AreaOf(type) + "." + JsonNamingPolicy.KebabCaseLower.ConvertName(type.ToString());
}
