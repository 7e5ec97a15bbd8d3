using System.Globalization;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Lists;
using FinCloud.Core.Tenancy;
using FinCloud.Documents;
using FinCloud.Rules;
using FinCloud.Web.Components.Lists;
using FinCloud.Web.Resources;
using FinCloud.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Audit;

/// <summary>The audit trail as a list: the page and its XLSX export use the same definition.</summary>
public static class AuditList
{
    public const int ExportLimit = 100_000;

    /// <summary>Newest first by sequence (the chain order; also the time order, and sortable on SQLite).</summary>
    public static readonly ListDefinition<AuditEvent> Definition = new ListDefinition<AuditEvent>()
        .SortBy("sequence", e => e.Sequence, isDefault: true, descendingByDefault: true)
        .SortBy("type", e => e.Type)
        .SortBy("entity", e => e.EntityType)
        .ThenBy(e => e.Sequence)
#pragma warning disable CA1304, CA1311, CA1862 // lower() runs in the database (SQLite, PostgreSQL); no .NET culture applies
        .SearchWith(term => e =>
            (e.EntityType != null && e.EntityType.ToLower().Contains(term)) ||
            (e.EntityId != null && e.EntityId.ToLower().Contains(term)) ||
            (e.Before != null && e.Before.ToLower().Contains(term)) ||
            (e.After != null && e.After.ToLower().Contains(term)))
#pragma warning restore CA1304, CA1311, CA1862
        .FilterBy("type", value => Enum.TryParse<AuditEventType>(value, ignoreCase: true, out var t) ? e => e.Type == t : null)
        .FilterBy("actor", value => Enum.TryParse<ActorKind>(value, ignoreCase: true, out var k) ? e => e.ActorKind == k : null);

    public static Task<ListPage<AuditEvent>> PageAsync(FinCloudDbContext db, ListQuery query, CancellationToken ct) =>
        Definition.PageAsync(db.AuditEvents.AsNoTracking(), query, ct);

    public const string ExportPath = "/admin/audit/export.xlsx";

    public static IEndpointConventionBuilder MapAuditExport(this IEndpointRouteBuilder routes) =>
        routes.MapGet(ExportPath, ExportAsync).RequireAuthorization(Policies.Member).ExcludeFromDescription();

    /// <summary>The current filtered list (not only the page shown) as XLSX, instants in KST.</summary>
    public static async Task<IResult> ExportAsync(HttpContext context, FinCloudDbContext db, CancellationToken ct)
    {
        var query = ListQueryString.Read(context.Request.Query);
        var events = await Definition.Apply(db.AuditEvents.AsNoTracking(), query).Take(ExportLimit).ToListAsync(ct);
        var rows = events.Select(e => (IReadOnlyList<object?>)
        [
            e.Sequence,
            e.OccurredAt.ToOffset(KoreanTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            SharedResource.Korean("Event-" + e.Type) ?? e.Type.ToString(), e.Type.ToString(), SharedResource.Korean("Actor" + e.ActorKind) ?? e.ActorKind.ToString(), e.ActorId?.ToString(),
            e.EntityType is null ? null : SharedResource.Korean("Entity-" + e.EntityType) ?? e.EntityType, e.EntityType, e.EntityId, e.Before, e.After, e.Hash,
        ]);
        var bytes = XlsxWriter.ToBytes(new XlsxSheet("감사 추적",
            ["순번", "일시(KST)", "유형", "유형 코드", "행위자 구분", "행위자", "대상", "대상 코드", "대상 ID", "변경 전", "변경 후", "해시"], rows));
        var name = $"audit-{KoreanTime.Today(db.Clock):yyyyMMdd}.xlsx";
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
