using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using FinCloud.Core;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.Exchange;
using FinCloud.Core.Features.FsiEvaluations;
using FinCloud.Rules.CloudUse;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Exchange;

public sealed record PlanEvaluationRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Provider,
    [property: Required, StringLength(200, MinimumLength = 2)] string Service,
    ServiceModel ServiceModel,
    FsiEvaluationType Type,
    Guid? Supersedes);

public sealed record RecordItemRequest([property: Required, StringLength(40, MinimumLength = 1)] string ItemId, ItemOutcome Outcome, [property: StringLength(2000)] string? Note, DateOnly? RemediationDue);

public sealed record PublishRequest(FsiVerdict Verdict, DateOnly EvaluatedOn, DateOnly ValidUntil);

public sealed record ReuseRequest(Guid ServiceId);

public sealed record PublishedEvaluationDto(
    Guid Id, string Provider, string Service, ServiceModel ServiceModel, FsiEvaluationType Type, string CatalogueId, PublicationState State,
    FsiVerdict? Verdict, DateOnly? EvaluatedOn, DateOnly? ValidUntil, Guid? Supersedes, Guid? SupersededBy, IReadOnlyList<PublishedItem> Items)
{
    public static PublishedEvaluationDto From(PublishedEvaluation e) =>
        new(e.Id, e.ProviderName, e.ServiceName, e.ServiceModel, e.Type, e.CatalogueId, e.State, e.Verdict, e.EvaluatedOn, e.ValidUntil, e.Supersedes, e.SupersededBy,
            e.Items.OrderBy(i => i.ItemId, StringComparer.Ordinal).Select(i => new PublishedItem(i.ItemId, i.Outcome, i.Note, i.RemediationDue)).ToList());
}

public sealed record ReceivedEvaluationDto(
    Guid Id, Guid PublicationId, string Issuer, string Provider, string Service, FsiEvaluationType Type, FsiVerdict Verdict, DateOnly EvaluatedOn,
    DateOnly ValidUntil, int UnmetItems, bool Superseded, string? Problem, Guid? ServiceId)
{
    public static ReceivedEvaluationDto From(ReceivedEvaluation r, DateOnly today) =>
        new(r.Id, r.PublicationId, r.IssuerName, r.ProviderName, r.ServiceName, r.Type, r.Verdict, r.EvaluatedOn, r.ValidUntil, r.UnmetItems, r.IsSuperseded, r.ProblemOn(today), r.ServiceId);
}

/// <summary>대표평가: the FSI's evaluations and their publication; institutions' received results, reuse and warnings.</summary>
public static class FsiEvaluationsApi
{
    public static RouteGroupBuilder MapFsiEvaluationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("fsi").WithTags("FSI evaluations");
        group.MapGet("evaluations", ListAsync).ActsOnCallerOrganization("evaluations the caller keeps");
        group.MapPost("evaluations", PlanAsync).RequireAuthorization(Policies.Editor)
            .ActsOnCallerOrganization("plans an evaluation in the caller's organisation")
            .WithExampleRequest(new PlanEvaluationRequest("가나클라우드", "가나 IaaS", ServiceModel.Iaas, FsiEvaluationType.Periodic, null));
        group.MapPost("evaluations/{publicationId:guid}/items", RecordItemAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new RecordItemRequest("P-01", ItemOutcome.Met, null, null));
        group.MapPost("evaluations/{publicationId:guid}/publication", PublishAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new PublishRequest(FsiVerdict.Suitable, new DateOnly(2026, 11, 2), new DateOnly(2027, 11, 1)));
        group.MapPost("evaluations/{publicationId:guid}/bundle", BundleAsync).RequireAuthorization(Policies.Editor)
            .WithDescription("The published result as a signed exchange bundle for institutions in other installations.");
        group.MapGet("results", ResultsAsync).ActsOnCallerOrganization("FSI results the caller received");
        group.MapPost("results/{receivedEvaluationId:guid}/reuse", ReuseAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new ReuseRequest(Guid.Empty));
        group.MapGet("warnings", WarningsAsync).ActsOnCallerOrganization("the caller's cases relying on superseded or expired results");
        return group;
    }

    public static async Task<Ok<List<PublishedEvaluationDto>>> ListAsync(FinCloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.PublishedEvaluations.AsNoTracking().Include(e => e.Items).OrderByDescending(e => e.Id).Take(200).ToListAsync(ct))
            .Select(PublishedEvaluationDto.From).ToList());

    public static async Task<Results<Created<PublishedEvaluationDto>, ValidationProblem>> PlanAsync(PlanEvaluationRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var e = await FsiResults.PlanAsync(db, request.Provider, request.Service, request.ServiceModel, request.Type, request.Supersedes, ct);
            return TypedResults.Created($"/api/fsi/evaluations/{e.Id}", PublishedEvaluationDto.From(e));
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["supersedes"] = [e.Message] });
        }
    }

    public static async Task<Results<Ok<PublishedEvaluationDto>, NotFound, ValidationProblem>> RecordItemAsync(Guid publicationId, RecordItemRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var e = await FsiResults.RecordItemAsync(db, publicationId, request.ItemId, request.Outcome, request.Note, request.RemediationDue, ct);
            return e is null ? TypedResults.NotFound() : TypedResults.Ok(PublishedEvaluationDto.From(e));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["itemId"] = [e.Message] });
        }
    }

    public static async Task<Results<Ok<PublishedEvaluationDto>, NotFound, ValidationProblem>> PublishAsync(Guid publicationId, PublishRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var e = await FsiResults.PublishAsync(db, publicationId, request.Verdict, request.EvaluatedOn, request.ValidUntil, ct);
            return e is null ? TypedResults.NotFound() : TypedResults.Ok(PublishedEvaluationDto.From(e));
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["verdict"] = [e.Message] });
        }
    }

    public static async Task<Results<FileContentHttpResult, NotFound, Conflict<string>>> BundleAsync(Guid publicationId, FinCloudDbContext db, ISigningKeyProtector protector, CancellationToken ct)
    {
        var e = await db.PublishedEvaluations.AsNoTracking().Include(x => x.Items).SingleOrDefaultAsync(x => x.Id == publicationId, ct);
        if (e is null)
        {
            return TypedResults.NotFound();
        }

        if (e.State == PublicationState.Draft)
        {
            return TypedResults.Conflict("not-published");
        }

        var (record, zip) = await BundleExport.SignAsync(db, protector, BundleKind.CspEvaluationResult, $"{e.ProviderName} {e.ServiceName} CSP 평가 결과",
            e.Id, null, JsonSerializer.SerializeToUtf8Bytes(EvaluationResultPayload.Of(e), ExchangeBundle.Json), [], ct);
        return TypedResults.File(zip, "application/zip", $"fincloud-evaluation-{record.Id:N}.zip");
    }

    public static async Task<Ok<List<ReceivedEvaluationDto>>> ResultsAsync(FinCloudDbContext db, CancellationToken ct)
    {
        await FsiResults.ReceiveFromInstallationAsync(db, ct);
        var today = Rules.KoreanTime.Today(db.Clock);
        return TypedResults.Ok((await db.ReceivedEvaluations.AsNoTracking().OrderByDescending(r => r.Id).Take(200).ToListAsync(ct))
            .Select(r => ReceivedEvaluationDto.From(r, today)).ToList());
    }

    public static async Task<Results<Ok<ReceivedEvaluationDto>, NotFound, Conflict<string>>> ReuseAsync(Guid receivedEvaluationId, ReuseRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            if (await FsiResults.ReuseAsync(db, receivedEvaluationId, request.ServiceId, ct) is null)
            {
                return TypedResults.NotFound();
            }
        }
        catch (InvalidOperationException)
        {
            return TypedResults.Conflict("not-reusable");
        }

        var r = await db.ReceivedEvaluations.AsNoTracking().SingleAsync(x => x.Id == receivedEvaluationId, ct);
        return TypedResults.Ok(ReceivedEvaluationDto.From(r, Rules.KoreanTime.Today(db.Clock)));
    }

    public static async Task<Ok<List<ReuseWarning>>> WarningsAsync(FinCloudDbContext db, Guid? caseId, CancellationToken ct) =>
        TypedResults.Ok(await FsiResults.WarningsAsync(db, caseId, ct));
}
