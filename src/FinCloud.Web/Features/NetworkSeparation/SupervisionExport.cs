using System.Globalization;
using FinCloud.Core;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Documents;
using FinCloud.Rules;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Web.Resources;
using FinCloud.Web.Security;
using Microsoft.Extensions.Localization;

namespace FinCloud.Web.Features.NetworkSeparation;

/// <summary>The FSS's 망분리 예외 현황 as XLSX, with the page's filters: the sheet a supervisor files or passes on.</summary>
public static class SupervisionExport
{
    public const string Path = "/supervision/separation-exemptions/export.xlsx";

    public static IEndpointConventionBuilder MapSeparationSupervisionExport(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path, ExportAsync).RequireAuthorization(Policies.Supervisor).ExcludeFromDescription();

    /// <summary>The address of the export with these filters (the page's link).</summary>
    public static string Link(string kind, string saas, bool overdueOnly) =>
        WithQuery(Path.TrimStart('/'), ("kind", kind), ("saas", saas), ("overdueOnly", overdueOnly ? "true" : ""));

    /// <summary>Every shared exemption the filters keep (the read is audited as the page's is), in the user's language.</summary>
    public static async Task<IResult> ExportAsync(
        SeparationExemptionKind? kind, string? saas, bool? overdueOnly, FinCloudDbContext db, IStringLocalizer<NetworkSeparationResource> s, CancellationToken ct)
    {
        var lines = await SupervisorView.ListAsync(db, new SupervisorFilter(kind, saas, overdueOnly ?? false), ct);
        var rows = lines.Select(l => (IReadOnlyList<object?>)
        [
            l.Institution, l.Title, s["Kind" + l.Kind].Value, l.SaasName, l.CspName, l.DesignationId, s["Status" + l.Status].Value,
            l.ActiveFrom, l.OverdueReviews,
        ]);
        var bytes = XlsxWriter.ToBytes(new XlsxSheet("망분리 예외",
            [s["Institution"], s["Title"], s["Kind"], s["Saas"], s["Csp"], s["Designation"], s["Status"], s["ActiveFrom"], s["OverdueReviews"]], rows));
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"separation-exemptions-{KoreanTime.Today(db.Clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx");
    }

    private static string WithQuery(string path, params (string Name, string Value)[] parameters) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path,
            parameters.Where(p => p.Value.Length > 0).Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));
}
