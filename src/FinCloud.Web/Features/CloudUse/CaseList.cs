using System.Globalization;
using FinCloud.Core;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Lists;
using FinCloud.Documents;
using FinCloud.Rules;
using FinCloud.Rules.CloudUse;
using FinCloud.Web.Components.Lists;
using FinCloud.Web.Security;
using Microsoft.EntityFrameworkCore;
using FinCloud.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FinCloud.Web.Features.CloudUse;

/// <summary>클라우드 이용 건 목록: the page, the API and the XLSX export share one definition.</summary>
public static class CaseList
{
    public const string ExportPath = "/cloud-use/export.xlsx";

    public const int ExportLimit = 20_000;

    /// <summary>Newest first (Version 7 ids are time-ordered); due dates and titles sort in the database on both providers.</summary>
    public static readonly ListDefinition<CloudUseCase> Definition = new ListDefinition<CloudUseCase>()
        .SortBy("opened", c => c.Id, isDefault: true, descendingByDefault: true)
        .SortBy("title", c => c.Title)
        .SortBy("state", c => c.State)
        .SortBy("due", c => c.ReportDueBy)
        .ThenBy(c => c.Id)
#pragma warning disable CA1304, CA1311, CA1862 // lower() runs in the database (SQLite, PostgreSQL); no .NET culture applies
        .SearchWith(term => c => c.Title.ToLower().Contains(term))
#pragma warning restore CA1304, CA1311, CA1862
        .FilterBy("state", v => Enum.TryParse<CaseState>(v, ignoreCase: true, out var s) ? c => c.State == s : null)
        .FilterBy("materiality", v => v switch
        {
            "material" => c => c.IsMaterial,
            "non-material" => c => !c.IsMaterial,
            _ => null,
        })
        .FilterBy("report", v => Enum.TryParse<SupervisorReportKind>(v, ignoreCase: true, out var k) ? c => c.ReportKind == k : null);

    public static Task<ListPage<CloudUseCase>> PageAsync(FinCloudDbContext db, ListQuery query, CancellationToken ct) =>
        Definition.PageAsync(db.CloudUseCases.AsNoTracking(), query, ct);

    public static IEndpointConventionBuilder MapCaseListExport(this IEndpointRouteBuilder routes) =>
        routes.MapGet(ExportPath, ExportAsync).RequireAuthorization(Policies.Institution).ExcludeFromDescription();

    /// <summary>The whole filtered list (not only the page shown) as XLSX, in the user's language.</summary>
    public static async Task<IResult> ExportAsync(HttpContext context, FinCloudDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var query = ListQueryString.Read(context.Request.Query);
        var cases = await Definition.Apply(db.CloudUseCases.AsNoTracking(), query).Take(ExportLimit).ToListAsync(ct);
        var rows = cases.Select(c => (IReadOnlyList<object?>)
        [
            c.Title, l["CaseState" + c.State].Value, l[c.IsMaterial ? "Material" : "NonMaterial"].Value, Korean.Report(c.ReportKind), c.ReportDueBy,
            c.CurrentVersion, c.ApprovedVersion, c.RegimeId,
            c.CreatedAt.ToOffset(KoreanTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ]);
        var bytes = XlsxWriter.ToBytes(new XlsxSheet("클라우드 이용",
            ["이용 건", "상태", "업무 중요도", "감독원 보고", "보고 기한", "현재 버전", "의결 버전", "적용 규정", "등록(KST)"], rows));
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"cloud-use-{KoreanTime.Today(db.Clock):yyyyMMdd}.xlsx");
    }
}
