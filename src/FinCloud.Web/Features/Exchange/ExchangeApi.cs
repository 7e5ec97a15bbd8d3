using System.ComponentModel.DataAnnotations;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using FinCloud.Core;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.Exchange;
using FinCloud.Core.Organizations;
using FinCloud.Documents;
using FinCloud.Web.Api;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Features.Exchange;

/// <summary>Protects signing keys with the installation's Data Protection keys (kept in the data folder, never in the repository).</summary>
public sealed class DataProtectionSigningKeyProtector(IDataProtectionProvider provider) : ISigningKeyProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("FinCloud.Exchange.SigningKey.v1");

    public string Protect(byte[] pkcs8PrivateKey) => Convert.ToBase64String(_protector.Protect(pkcs8PrivateKey));

    public byte[] Unprotect(string protectedKey) => _protector.Unprotect(Convert.FromBase64String(protectedKey));
}

public sealed record SigningKeyDto(string KeyId, string PublicKeyPem, DateTimeOffset CreatedAt);

public sealed record PinIssuerRequest(
    [property: Required, StringLength(1000, MinimumLength = 100)] string PublicKeyPem,
    [property: Required, StringLength(200, MinimumLength = 2)] string Name,
    OrganizationKind Kind);

public sealed record TrustedIssuerDto(Guid Id, string KeyId, string Name, OrganizationKind Kind, DateTimeOffset PinnedAt, DateTimeOffset? RevokedAt)
{
    public static TrustedIssuerDto From(TrustedIssuer i) => new(i.Id, i.KeyId, i.IssuerName, i.IssuerKind, i.PinnedAt, i.RevokedAt);
}

/// <summary>The outcome of an import: <c>imported</c> with what it created, or the stable reason code it was refused for.</summary>
public sealed record ImportResultDto(bool Imported, string? Reason, string Message, Guid? BundleId, BundleKind? Kind, string? Issuer, Guid? ImportedBundleId, Guid? CreatedRecordId)
{
    public static ImportResultDto From(ImportOutcome o) =>
        new(o.Imported, o.Rejection is { } r ? BundleRejectionCodes.Code(r) : null, o.Message, o.Manifest?.BundleId, o.Manifest?.Kind,
            o.Manifest?.Issuer.Name, o.ImportedBundleId, o.CreatedRecordId);
}

public sealed record ImportedBundleDto(Guid Id, Guid BundleId, BundleKind Kind, string Title, string Issuer, DateTimeOffset IssuedAt, DateTimeOffset ImportedAt, string Sha256);

/// <summary>
/// 교환 번들 API: the organisation's signing key, its trusted-issuer register, exporting a report package as a signed
/// bundle and importing bundles from other installations (docs/bundle-format.md).
/// </summary>
public static class ExchangeApi
{
    public static RouteGroupBuilder MapExchangeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("exchange").WithTags("Exchange bundles");
        group.MapGet("signing-key", SigningKeyAsync).RequireAuthorization(Policies.Administrator)
            .ActsOnCallerOrganization("the caller's public key, created on first use");
        group.MapPost("signing-key/rotation", RotateAsync).RequireAuthorization(Policies.Administrator)
            .ActsOnCallerOrganization("replaces the caller's signing key");
        group.MapGet("trusted-issuers", IssuersAsync).ActsOnCallerOrganization("the caller's trusted-issuer register");
        group.MapPost("trusted-issuers", PinAsync).RequireAuthorization(Policies.Administrator)
            .ActsOnCallerOrganization("pins a partner's key in the caller's register")
            .WithExampleRequest(new PinIssuerRequest(ExamplePublicKey, "금융감독원", OrganizationKind.Fss));
        group.MapDelete("trusted-issuers/{trustedIssuerId:guid}", RevokeAsync).RequireAuthorization(Policies.Administrator);
        group.MapGet("imports", ImportsAsync).ActsOnCallerOrganization("bundles the caller imported");
        group.MapPost("imports", ImportAsync).RequireAuthorization(Policies.Editor)
            .ActsOnCallerOrganization("imports a bundle (application/zip body) into the caller's organisation")
            .WithDescription("Body: the bundle as application/zip. 201 when imported; 200 with imported=false and a reason code when refused (nothing is imported).");
        group.MapPost("report-packages/{packageId:guid}/bundle", ExportReportAsync).RequireAuthorization(Policies.Editor)
            .WithDescription("Submits the report package (if not yet submitted) and returns it as a signed exchange bundle for the FSS.");
        return group;
    }

    /// <summary>A real P-256 public key in PEM, for the OpenAPI example and the cross-tenant probe.</summary>
    public static string ExamplePublicKey { get; } = CreateExampleKey();

    private static string CreateExampleKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    public static async Task<Ok<SigningKeyDto>> SigningKeyAsync(FinCloudDbContext db, ISigningKeyProtector protector, CancellationToken ct)
    {
        var key = await ExchangeKeys.EnsureSigningKeyAsync(db, protector, ct);
        return TypedResults.Ok(new SigningKeyDto(key.KeyId, key.PublicKeyPem, key.CreatedAt));
    }

    public static async Task<Ok<SigningKeyDto>> RotateAsync(FinCloudDbContext db, ISigningKeyProtector protector, CancellationToken ct)
    {
        var key = await ExchangeKeys.RotateAsync(db, protector, ct);
        return TypedResults.Ok(new SigningKeyDto(key.KeyId, key.PublicKeyPem, key.CreatedAt));
    }

    public static async Task<Ok<List<TrustedIssuerDto>>> IssuersAsync(FinCloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.TrustedIssuers.AsNoTracking().OrderBy(i => i.Id).ToListAsync(ct)).Select(TrustedIssuerDto.From).ToList());

    public static async Task<Results<Ok<TrustedIssuerDto>, ValidationProblem>> PinAsync(PinIssuerRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        try
        {
            var issuer = await ExchangeKeys.PinAsync(db, request.PublicKeyPem, request.Name, request.Kind, ct);
            return TypedResults.Ok(TrustedIssuerDto.From(issuer));
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or InvalidOperationException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["publicKeyPem"] = [e.Message] });
        }
    }

    public static async Task<Results<Ok<TrustedIssuerDto>, NotFound>> RevokeAsync(Guid trustedIssuerId, FinCloudDbContext db, CancellationToken ct) =>
        await ExchangeKeys.RevokeAsync(db, trustedIssuerId, ct) is { } issuer ? TypedResults.Ok(TrustedIssuerDto.From(issuer)) : TypedResults.NotFound();

    public static async Task<Ok<List<ImportedBundleDto>>> ImportsAsync(FinCloudDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.ImportedBundles.AsNoTracking().OrderByDescending(b => b.Id).Take(200)
            .Select(b => new ImportedBundleDto(b.Id, b.BundleId, b.Kind, b.Title, b.IssuerName, b.IssuedAt, b.ImportedAt, b.Sha256)).ToListAsync(ct));

    public static async Task<Results<Created<ImportResultDto>, Ok<ImportResultDto>>> ImportAsync(HttpRequest request, FinCloudDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = await ReadCappedAsync(request.Body, ExchangeBundle.MaxBytes, ct);
        var outcome = await BundleImport.ImportAsync(db, bytes, ct);
        var dto = ImportResultDto.From(outcome);
        return outcome.Imported ? TypedResults.Created($"/api/exchange/imports/{outcome.ImportedBundleId}", dto) : TypedResults.Ok(dto);
    }

    /// <summary>Reads at most one byte past the limit; the verifier refuses anything larger.</summary>
    public static async Task<byte[]> ReadCappedAsync(Stream body, long limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0 && copy.Length <= limit)
        {
            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    public static async Task<Results<FileContentHttpResult, NotFound, Conflict<string>>> ExportReportAsync(
        Guid packageId, FinCloudDbContext db, EvidenceStore store, ISigningKeyProtector protector, CancellationToken ct)
    {
        var result = await ReportBundleAsync(packageId, db, store, protector, ct);
        return result switch
        {
            null => TypedResults.NotFound(),
            { Error: { } error } => TypedResults.Conflict(error),
            { Zip: { } zip, Record: { } record } => TypedResults.File(zip, "application/zip", $"fincloud-report-{record.Id:N}.zip"),
            _ => TypedResults.NotFound(),
        };
    }

    public sealed record ReportBundleResult(ExportedBundle? Record, byte[]? Zip, string? Error);

    /// <summary>Submits the package if needed and signs it as a <see cref="BundleKind.CloudUseReport"/> bundle; null when the package is not the caller's.</summary>
    public static async Task<ReportBundleResult?> ReportBundleAsync(Guid packageId, FinCloudDbContext db, EvidenceStore store, ISigningKeyProtector protector, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var package = await db.ReportPackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == packageId, ct);
        if (package is null)
        {
            return null;
        }

        var files = ReadPackage(store, package);
        if (files is null)
        {
            return new ReportBundleResult(null, null, "package-damaged");
        }

        if (package.State != ReportPackageState.Submitted)
        {
            await ReportPackageApi.SubmitAsync(package.CaseId, package.Id, new SubmitPackageRequest(BundleChannel), db, ct);
            db.ChangeTracker.Clear();
            package = await db.ReportPackages.AsNoTracking().SingleAsync(p => p.Id == packageId, ct);
        }

        var c = await db.CloudUseCases.AsNoTracking().SingleAsync(x => x.Id == package.CaseId, ct);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == package.OrganizationId, ct);
        using var caseJson = JsonDocument.Parse(files["case.json"]);
        var service = await db.CloudServices.AsNoTracking().SingleAsync(s => s.Id == c.ServiceId, ct);
        var provider = await db.CloudProviders.AsNoTracking().SingleAsync(p => p.Id == service.ProviderId, ct);
        var payload = new ReportPayload(organization.NameKo, organization.NameEn, organization.Sector, package.Id, package.CaseId, package.CaseVersion,
            c.Title, package.TaskKey, package.DueBy, package.DueComputation, package.Sha256, package.SubmittedAt!.Value,
            provider.Name, service.Name, service.Regions, service.DataInKorea, c.IsMaterial, caseJson.RootElement.Clone());
        var documents = files.Where(f => f.Key != "case.json").OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)).ToList();
        var (record, zip) = await BundleExport.SignAsync(db, protector, BundleKind.CloudUseReport, $"{c.Title} 클라우드 이용 보고 (v{package.CaseVersion})",
            package.Id, null, JsonSerializer.SerializeToUtf8Bytes(payload, ExchangeBundle.Json), documents, ct);
        return new ReportBundleResult(record, zip, null);
    }

    /// <summary>The channel recorded on a package submitted by exporting it as a bundle.</summary>
    public const string BundleChannel = "FinCloud 교환 번들";

    /// <summary>The files of a stored report package, after re-checking its hashes; null when the stored package is damaged.</summary>
    public static Dictionary<string, byte[]>? ReadPackage(EvidenceStore store, ReportPackage package)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(package);
        var bytes = File.ReadAllBytes(store.PathOf(package.StorageKey));
        using (var check = new MemoryStream(bytes))
        {
            if (!ReportBundle.Verify(check).IsIntact)
            {
                return null;
            }
        }

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.FullName is not (ReportBundle.ManifestName or ReportBundle.ChecksumsName)))
        {
            using var s = entry.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            files[entry.FullName] = copy.ToArray();
        }

        return files;
    }
}
