using FinCloud.Core;
using FinCloud.Core.Features.Exchange;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinCloud.Web.Features.Exchange;

/// <summary>
/// The signed exchange bundle of a report package, for the case page's download button: a form post (it records the
/// submission, so it is a write under anti-forgery), signed-in editors only; the same handler as the API.
/// </summary>
public static class ExchangeFiles
{
    public static RouteGroupBuilder MapExchangeFiles(this IEndpointRouteBuilder routes)
    {
        var files = routes.MapGroup("/exchange/files").RequireAuthorization(Policies.Editor).ExcludeFromDescription();
        files.MapPost("report-packages/{packageId:guid}/bundle", ReportBundleAsync);
        return files;
    }

    public static async Task<Results<FileContentHttpResult, NotFound, Conflict<string>, BadRequest>> ReportBundleAsync(
        Guid packageId, HttpContext http, IAntiforgery antiforgery, FinCloudDbContext db, EvidenceStore store, ISigningKeyProtector protector, CancellationToken ct)
    {
        // The endpoint binds no form, so the framework would not refuse a post without the page's token by itself.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.BadRequest();
        }

        return (await ExchangeApi.ExportReportAsync(packageId, db, store, protector, ct)).Result switch
        {
            FileContentHttpResult file => file,
            Conflict<string> conflict => conflict,
            _ => TypedResults.NotFound(),
        };
    }
}
