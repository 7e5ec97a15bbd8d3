using System.Text;
using System.Text.Json;
using FinCloud.Core;
using FinCloud.Core.Features.FsiEvaluations;
using FinCloud.Core.Features.Oscal;
using FinCloud.Rules;
using FinCloud.Rules.Catalogue;
using FinCloud.Web.Api;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Oscal;

public sealed record OscalCatalogInfo(string Id, string Title, string Kind);

public sealed record ImportedCatalogueDto(Guid Id, string CatalogueId, string Title, string Version, Guid OscalUuid, int Items, bool Illustrative, string Sha256, DateTimeOffset ImportedAt)
{
    public static ImportedCatalogueDto From(ImportedCatalogue c) =>
        new(c.Id, c.CatalogueId, c.Title, c.Version, c.OscalUuid, c.ItemCount, c.Illustrative, c.Sha256, c.ImportedAt);
}

public sealed record CatalogueImportDto(ImportedCatalogueDto Catalogue, bool AlreadyImported, IReadOnlyList<string> StructureDifferences);

/// <summary>OSCAL 1.1 exports of the rulebook catalogues and of a case's CSP evaluation; import of an OSCAL catalog (docs/oscal.md).</summary>
public static class OscalApi
{
    public const string MediaType = "application/json";

    public static RouteGroupBuilder MapOscalEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("oscal").WithTags("OSCAL");
        group.MapGet("catalogs", CatalogsAsync).ActsOnCallerOrganization("the bundled catalogues and the caller's imported versions");
        group.MapGet("catalog", Catalog).TenantFree("bundled rulebook catalogues only")
            .WithDescription("A bundled catalogue as an OSCAL 1.1 catalog: `id` is `csp/2019`, `csp/2023` or `network-separation/<route>/<effective-from>` (see GET /api/oscal/catalogs); without it, the CSP catalogue in force today.");
        group.MapGet("catalog-imports", ImportsAsync).ActsOnCallerOrganization("the caller's imported catalogue versions");
        group.MapGet("catalog-imports/{importId:guid}", ImportedAsync).WithDescription("An imported catalogue version, exported again as an OSCAL catalog.");
        group.MapPost("catalog-imports", ImportAsync).RequireAuthorization(Policies.Editor)
            .ActsOnCallerOrganization("imports into the caller's organisation")
            .WithExampleRequest(ExampleCatalog.Value)
            .WithDescription("Imports an OSCAL catalog of CSP evaluation items as a catalogue version. `replacing` names the bundled catalogue (2019, 2023) unless the catalog's `catalogue-id` prop does. The whole document is checked first; a refusal is 422 with every problem and its JSONPath, and stores nothing.");
        api.MapGet("cloud-use/cases/{caseId:guid}/oscal/assessment-results", AssessmentResultsAsync).WithTags("OSCAL")
            .WithDescription("The case's CSP evaluation as OSCAL 1.1 assessment-results: a finding per in-scope item (satisfied, not-satisfied, covered by a certificate, reused FSI result).");
        return group;
    }

    /// <summary>A valid import body: the bundled 2023 catalogue as exported.</summary>
    private static readonly Lazy<JsonElement> ExampleCatalog = new(() =>
        JsonSerializer.SerializeToElement(OscalCatalogs.FromCsp(CspCatalogues.ById("2023"), new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)), OscalJson.Options));

    public static async Task<Ok<List<OscalCatalogInfo>>> CatalogsAsync(FinCloudDbContext db, CancellationToken ct)
    {
        var list = CspCatalogues.All.Select(c => new OscalCatalogInfo("csp/" + c.Id, c.Title, "csp-evaluation"))
            .Concat(Rules.NetworkSeparation.ControlCatalogueLibrary.All.Select(c => new OscalCatalogInfo("network-separation/" + c.Version, c.TitleKo, "network-separation")))
            .ToList();
        list.AddRange((await db.ImportedCatalogues.AsNoTracking().OrderBy(c => c.Id).Take(200).ToListAsync(ct))
            .Select(c => new OscalCatalogInfo($"imported/{c.Id}", c.Title, "imported-csp-evaluation")));
        return TypedResults.Ok(list);
    }

    public static Results<ContentHttpResult, NotFound<ProblemDetails>> Catalog(string? id, FinCloudDbContext db)
    {
        id ??= "csp/" + FsiResults.CatalogueInForce(KoreanTime.Today(db.Clock)).Id;
        var document = OscalCatalogs.ExportBundled(id, db.Clock.GetUtcNow());
        return document is null
            ? TypedResults.NotFound(new ProblemDetails
            {
                Title = "No such catalogue",
                Detail = $"'{id}' is none of: {string.Join(", ", OscalCatalogs.BundledIds)}.",
                Status = StatusCodes.Status404NotFound,
            })
            : TypedResults.Text(OscalJson.Serialize(document), MediaType, Encoding.UTF8);
    }

    public static async Task<Ok<List<ImportedCatalogueDto>>> ImportsAsync(FinCloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.ImportedCatalogues.AsNoTracking().OrderByDescending(c => c.Id).Take(200).ToListAsync(ct)).Select(ImportedCatalogueDto.From).ToList());

    public static async Task<Results<ContentHttpResult, NotFound>> ImportedAsync(Guid importId, FinCloudDbContext db, CancellationToken ct)
    {
        var imported = await db.ImportedCatalogues.AsNoTracking().SingleOrDefaultAsync(c => c.Id == importId, ct);
        return imported is null
            ? TypedResults.NotFound()
            : TypedResults.Text(OscalJson.Serialize(OscalCatalogs.FromCsp(imported.Catalogue, imported.ImportedAt)), MediaType, Encoding.UTF8);
    }

    public static async Task<Results<Created<CatalogueImportDto>, Ok<CatalogueImportDto>, ProblemHttpResult>> ImportAsync(
        JsonElement document, string? replacing, FinCloudDbContext db, CancellationToken ct)
    {
        try
        {
            var result = await CatalogueImports.ImportAsync(db, Encoding.UTF8.GetBytes(document.GetRawText()), replacing, ct);
            var dto = new CatalogueImportDto(ImportedCatalogueDto.From(result.Catalogue), result.AlreadyImported, result.StructureDifferences);
            return result.AlreadyImported
                ? TypedResults.Ok(dto)
                : TypedResults.Created($"/api/oscal/catalog-imports/{result.Catalogue.Id}", dto);
        }
        catch (OscalImportException e)
        {
            return Refused(e);
        }
    }

    public static ProblemHttpResult Refused(OscalImportException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return TypedResults.Problem(
            title: "The OSCAL catalog cannot be imported",
            detail: e.Message,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                ["code"] = e.Code,
                ["errors"] = e.Errors.Take(100).Select(x => new { path = x.Path, message = x.Message }).ToList(),
            });
    }

    public static async Task<Results<ContentHttpResult, NotFound>> AssessmentResultsAsync(Guid caseId, FinCloudDbContext db, CancellationToken ct)
    {
        var facts = await FactsAsync(db, caseId, ct);
        return facts is null
            ? TypedResults.NotFound()
            : TypedResults.Text(OscalJson.Serialize(OscalAssessmentResultsBuilder.Build(facts, db.Clock.GetUtcNow())), MediaType, Encoding.UTF8);
    }

    /// <summary>What the case's CSP evaluation page shows, gathered for the OSCAL writer.</summary>
    public static async Task<CaseEvaluationFacts?> FactsAsync(FinCloudDbContext db, Guid caseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var c = await CloudUseApi.LoadAsync(db, caseId, ct);
        if (c is null)
        {
            return null;
        }

        var scope = await CaseDecisions.ScopeAsync(db, c, ct);
        var evaluation = await db.CspEvaluations.AsNoTracking().Include(x => x.Outcomes).SingleOrDefaultAsync(x => x.CaseId == c.Id, ct);
        var outcomes = evaluation?.Outcomes.ToDictionary(o => o.ItemId) ?? [];
        var exempt = scope.ExemptedByCertificate.ToDictionary(x => x.Item.Id, x => OscalCatalogs.Code(x.Scheme));
        var service = await db.CloudServices.AsNoTracking().SingleAsync(s => s.Id == c.ServiceId, ct);
        var provider = await db.CloudProviders.AsNoTracking().SingleAsync(p => p.Id == service.ProviderId, ct);
        var organizationId = db.Tenant.RequireOrganization();
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.NameKo).SingleAsync(ct);
        ReusedFsiResult? fsi = null;
        var fsiEvaluation = c.Current.Scenario.Csp.FsiEvaluation;
        if (scope.FsiResultReused && fsiEvaluation is not null)
        {
            var today = KoreanTime.Today(db.Clock);
            var received = (await db.ReceivedEvaluations.AsNoTracking().Where(r => r.ServiceId == c.ServiceId).ToListAsync(ct))
                .Where(r => r.EvaluatedOn == fsiEvaluation.Date).OrderByDescending(r => r.Id).FirstOrDefault();
            if (received is not null)
            {
                fsi = new ReusedFsiResult(received.PublicationId, received.IssuerName, received.EvaluatedOn, received.ValidUntil,
                    received.Verdict switch { FsiVerdict.Suitable => "적합", FsiVerdict.Satisfied => "충족", _ => "부적합" }, received.ProblemOn(today));
            }
        }

        var items = scope.InScope.Select(i =>
        {
            outcomes.TryGetValue(i.Id, out var o);
            return new CaseItemFacts(i, exempt.GetValueOrDefault(i.Id), o?.Outcome, o?.Note, o?.RemediationDue, o?.EvidenceId);
        }).ToList();
        return new CaseEvaluationFacts(c.Id, c.Title, c.CurrentVersion, organization, provider.Name, service.Name, c.RegimeId, c.IsMaterial,
            scope.CatalogueId, scope.CatalogueIllustrative, scope.FsiResultReused, fsi, evaluation?.CreatedAt ?? c.CreatedAt, items);
    }
}
