using System.ComponentModel.DataAnnotations;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Rules;
using FinCloud.Rules.Catalogue;
using FinCloud.Rules.CloudUse;
using FinCloud.Web.Api;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.CloudUse;

public sealed record RegisterProviderRequest([property: Required, StringLength(200, MinimumLength = 2)] string Name);

public sealed record RegisterServiceRequest(
    [property: Required, StringLength(200, MinimumLength = 2)] string Name,
    ServiceModel ServiceModel,
    [property: StringLength(500)] string Regions,
    bool DataInKorea);

public sealed record RecordCertificateRequest(CertificationScheme Scheme, DateOnly ValidFrom, DateOnly ValidUntil, Guid? ServiceId);

/// <summary>An evaluation result of a service: own, joint or the FSI's (적합/부적합) and when the next one is due.</summary>
public sealed record RecordEvaluationRequest(CspEvaluationKind Kind, FsiEvaluationResult Result, DateOnly EvaluatedOn, DateOnly? NextEvaluationDue);

public sealed record ServiceDto(Guid Id, Guid ProviderId, string Name, ServiceModel ServiceModel, string Regions, bool DataInKorea);

public sealed record CertificateDto(Guid Id, Guid ProviderId, Guid? ServiceId, CertificationScheme Scheme, DateOnly ValidFrom, DateOnly ValidUntil, ExpiryStatus Status);

public sealed record EvaluationDto(Guid Id, Guid ServiceId, CspEvaluationKind Kind, FsiEvaluationResult? Result, DateOnly EvaluatedOn, DateOnly? NextEvaluationDue, ExpiryStatus? Status, int UnmetItems, DateOnly? NextRemediationDue);

public sealed record ProviderDto(Guid Id, string Name, IReadOnlyList<ServiceDto> Services, IReadOnlyList<CertificateDto> Certificates, IReadOnlyList<EvaluationDto> Evaluations);

/// <summary>CSP and service registry (클라우드 서비스 제공자 관리).</summary>
public static class RegistryApi
{
    public static RouteGroupBuilder MapRegistryEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("csp").WithTags("CSP registry");
        group.MapGet("providers", ListAsync).ActsOnCallerOrganization("the caller's registry");
        group.MapPost("providers", RegisterProviderAsync).RequireAuthorization(Policies.Editor)
            .ActsOnCallerOrganization("registers a CSP for the caller's organisation")
            .WithExampleRequest(new RegisterProviderRequest("가상클라우드"));
        group.MapPost("providers/{providerId:guid}/services", RegisterServiceAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new RegisterServiceRequest("가상 SaaS", ServiceModel.Saas, "kr-central-1", true));
        group.MapPost("providers/{providerId:guid}/certificates", RecordCertificateAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new RecordCertificateRequest(CertificationScheme.Csap, new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), null));
        group.MapPost("services/{serviceId:guid}/evaluations", RecordEvaluationAsync).RequireAuthorization(Policies.Editor)
            .WithExampleRequest(new RecordEvaluationRequest(CspEvaluationKind.Fsi, FsiEvaluationResult.Pass, new DateOnly(2026, 3, 2), new DateOnly(2027, 3, 2)));
        return group;
    }

    public static async Task<Ok<List<ProviderDto>>> ListAsync(FinCloudDbContext db, CancellationToken ct)
    {
        var today = KoreanTime.Today(db.Clock);
        var providers = await db.CloudProviders.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var services = await db.CloudServices.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        var certificates = await db.CspCertificates.AsNoTracking().ToListAsync(ct);
        var evaluations = await db.CspEvaluations.AsNoTracking().Include(e => e.Outcomes).ToListAsync(ct);
        var result = providers.Select(p =>
        {
            var own = services.Where(s => s.ProviderId == p.Id).ToList();
            var ids = own.Select(s => s.Id).ToHashSet();
            return new ProviderDto(
                p.Id,
                p.Name,
                [.. own.Select(s => new ServiceDto(s.Id, s.ProviderId, s.Name, s.ServiceModel, s.Regions, s.DataInKorea))],
                [.. certificates.Where(c => c.ProviderId == p.Id).OrderBy(c => c.ValidUntil).Select(c => new CertificateDto(c.Id, c.ProviderId, c.ServiceId, c.Scheme, c.ValidFrom, c.ValidUntil, c.StatusOn(today)))],
                [.. evaluations.Where(e => ids.Contains(e.ServiceId)).OrderByDescending(e => e.EvaluatedOn).Select(e => ToDto(e, today))]);
        }).ToList();
        return TypedResults.Ok(result);
    }

    public static EvaluationDto ToDto(CspEvaluation e, DateOnly today) =>
        new(e.Id, e.ServiceId, e.Kind, e.Result, e.EvaluatedOn, e.NextEvaluationDue, e.StatusOn(today), e.Unmet.Count(), e.Unmet.Select(o => o.RemediationDue).Min());

    public static async Task<Results<Created<ProviderDto>, ValidationProblem>> RegisterProviderAsync(RegisterProviderRequest request, FinCloudDbContext db, CancellationToken ct) =>
        await TryRegisterProviderAsync(request.Name, db, ct) is { } provider
            ? TypedResults.Created($"/api/csp/providers/{provider.Id}", provider)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [DuplicateProvider] });

    public const string DuplicateProvider = "이미 등록된 CSP입니다. (A provider of this name is already registered.)";

    /// <summary>Registers a provider under a name the organisation has not used yet; null when it has.</summary>
    public static async Task<ProviderDto?> TryRegisterProviderAsync(string name, FinCloudDbContext db, CancellationToken ct)
    {
        var provider = CloudProvider.Register(name, db.Clock.GetUtcNow());
        if (await db.CloudProviders.AnyAsync(p => p.Name == provider.Name, ct))
        {
            return null;
        }

        db.CloudProviders.Add(provider);
        db.Audit(AuditEventType.CloudProviderRegistered, nameof(CloudProvider), provider.Id, after: "registered");
        await db.SaveChangesAsync(ct);
        return new ProviderDto(provider.Id, provider.Name, [], [], []);
    }

    public static async Task<Results<Created<ServiceDto>, NotFound>> RegisterServiceAsync(Guid providerId, RegisterServiceRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        if (!await db.CloudProviders.AnyAsync(p => p.Id == providerId, ct))
        {
            return TypedResults.NotFound();
        }

        var s = CloudService.Register(providerId, request.Name, request.ServiceModel, request.Regions ?? "", request.DataInKorea, db.Clock.GetUtcNow());
        db.CloudServices.Add(s);
        db.Audit(AuditEventType.CloudServiceRegistered, nameof(CloudService), s.Id, after: $"model={s.ServiceModel}; in-korea={s.DataInKorea}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/csp/services/{s.Id}", new ServiceDto(s.Id, s.ProviderId, s.Name, s.ServiceModel, s.Regions, s.DataInKorea));
    }

    public static async Task<Results<Created<CertificateDto>, NotFound, ValidationProblem>> RecordCertificateAsync(Guid providerId, RecordCertificateRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        if (!await db.CloudProviders.AnyAsync(p => p.Id == providerId, ct)
            || (request.ServiceId is { } sid && !await db.CloudServices.AnyAsync(s => s.Id == sid && s.ProviderId == providerId, ct)))
        {
            return TypedResults.NotFound();
        }

        if (request.ValidUntil < request.ValidFrom)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["validUntil"] = ["유효기간 종료일이 시작일보다 빠릅니다."] });
        }

        var c = CspCertificate.Record(providerId, request.ServiceId, request.Scheme, request.ValidFrom, request.ValidUntil, db.Clock.GetUtcNow());
        db.CspCertificates.Add(c);
        db.Audit(AuditEventType.CspCertificateRecorded, nameof(CspCertificate), c.Id, after: $"scheme={c.Scheme}; until={c.ValidUntil:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/csp/certificates/{c.Id}", new CertificateDto(c.Id, c.ProviderId, c.ServiceId, c.Scheme, c.ValidFrom, c.ValidUntil, c.StatusOn(KoreanTime.Today(db.Clock))));
    }

    public static async Task<Results<Created<EvaluationDto>, NotFound>> RecordEvaluationAsync(Guid serviceId, RecordEvaluationRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        var service = await db.CloudServices.SingleOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null)
        {
            return TypedResults.NotFound();
        }

        var now = db.Clock.GetUtcNow();
        var catalogue = CspCatalogues.ForRegime(RulebookLibraryInForce(request.EvaluatedOn));
        var e = CspEvaluation.Start(serviceId, null, request.Kind, catalogue.Id, request.EvaluatedOn, now);
        e.Conclude(request.Result, request.EvaluatedOn, request.NextEvaluationDue);
        db.CspEvaluations.Add(e);
        db.Audit(AuditEventType.CspEvaluationRecorded, nameof(CspEvaluation), e.Id, after: $"kind={e.Kind}; result={e.Result}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/csp/evaluations/{e.Id}", ToDto(e, KoreanTime.Today(db.Clock)));
    }

    private static string RulebookLibraryInForce(DateOnly on) => Rules.Rulebooks.RulebookLibrary.CloudUseInForce(on).Id;
}
