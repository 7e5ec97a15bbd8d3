using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.Continuity;
using FinCloud.Documents;
using FinCloud.Rules;
using FinCloud.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Continuity;

/// <summary>Downloads for the signed-in user: BIA and drill reports (XLSX, PDF), the outsourcing sheet, the charts as SVG.</summary>
public static class ContinuityExports
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapContinuityExports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/continuity/export").RequireAuthorization(Policies.Institution).ExcludeFromDescription();
        group.MapGet("bia.xlsx", async (FinCloudDbContext db, CancellationToken ct) =>
            await FileAsync(db, "bia", "xlsx", ContinuityDocuments.BiaXlsx(await ContinuitySnapshot.LoadAsync(db, ct)), ct));
        group.MapGet("bia.pdf", async (FinCloudDbContext db, CancellationToken ct) =>
            await FileAsync(db, "bia", "pdf", PdfReportWriter.ToBytes(ContinuityDocuments.BiaReport(await ContinuitySnapshot.LoadAsync(db, ct), await OrganizationNameAsync(db, ct))), ct));
        group.MapGet("drills.xlsx", async (Guid? drillId, FinCloudDbContext db, CancellationToken ct) =>
            await FileAsync(db, "drills", "xlsx", await ContinuityDocuments.DrillXlsxAsync(db, drillId, ct), ct));
        group.MapGet("drills.pdf", async (Guid? drillId, FinCloudDbContext db, CancellationToken ct) =>
            await FileAsync(db, "drills", "pdf", PdfReportWriter.ToBytes(await ContinuityDocuments.DrillReportAsync(db, drillId, await OrganizationNameAsync(db, ct), ct)), ct));
        group.MapGet("outsourcing.xlsx", async (FinCloudDbContext db, CancellationToken ct) =>
            await FileAsync(db, "outsourcing", "xlsx", ContinuityDocuments.OutsourcingXlsx(await ContinuitySnapshot.LoadAsync(db, ct)), ct));
        group.MapGet("charts/{chart}.svg", async (string chart, Guid? processId, FinCloudDbContext db, CancellationToken ct) =>
        {
            var s = await ContinuitySnapshot.LoadAsync(db, ct);
            var svg = Chart(s, chart, processId);
            return svg is null ? Results.NotFound() : Results.File(System.Text.Encoding.UTF8.GetBytes(svg), "image/svg+xml", $"continuity-{chart}-{s.Today:yyyyMMdd}.svg");
        });
        group.MapGet("charts/{chart}.png", async (string chart, Guid? processId, FinCloudDbContext db, CancellationToken ct) =>
        {
            var s = await ContinuitySnapshot.LoadAsync(db, ct);
            var svg = Chart(s, chart, processId);
            return svg is null ? Results.NotFound() : Results.File(ChartPng.FromSvg(svg), "image/png", $"continuity-{chart}-{s.Today:yyyyMMdd}.png");
        });
        return routes;
    }

    private static string? Chart(ContinuitySnapshot s, string chart, Guid? processId) => chart switch
    {
        "rto" => ContinuityCharts.RtoVsAchieved(s.CoreResults, "핵심 시스템 RTO 대비 훈련 달성 시간"),
        "coverage" => ContinuityCharts.CoverageHeatMap(s.Coverage, s.Names, "핵심 시스템 훈련 커버리지 (12개월)"),
        "status" => ContinuityCharts.Status(s, "보험·재해복구·훈련 현황"),
        "dependencies" when processId is { } id && s.Processes.Any(p => p.Process.Id == id) => ContinuityCharts.Dependencies(s, id, $"의존 관계: {s.Name(id)}"),
        _ => null,
    };

    private static async Task<IResult> FileAsync(FinCloudDbContext db, string name, string extension, byte[] bytes, CancellationToken ct)
    {
        db.Audit(AuditEventType.ContinuityDocumentExported, "ContinuityDocument", name, after: $"format={extension}; bytes={bytes.Length}");
        await db.SaveChangesAsync(ct);
        var type = extension == "pdf" ? "application/pdf" : Xlsx;
        return Results.File(bytes, type, $"continuity-{name}-{KoreanTime.Today(db.Clock):yyyyMMdd}.{extension}");
    }

    public static Task<string> OrganizationNameAsync(FinCloudDbContext db, CancellationToken ct) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == db.Tenant.OrganizationId).Select(o => o.NameKo).SingleAsync(ct);
}
