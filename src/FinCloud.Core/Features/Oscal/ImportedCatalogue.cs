using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FinCloud.Core.Audit;
using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;
using FinCloud.Rules.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FinCloud.Core.Features.Oscal;

/// <summary>
/// 평가항목 카탈로그 버전 (가져옴): a version of a CSP evaluation catalogue an organisation imported from an OSCAL catalog,
/// e.g. the official 별표 2의2 items in place of the bundled illustrative ones. Kept whole, as the rulebook format.
/// </summary>
public sealed class ImportedCatalogue : ITenantOwned
{
    // The rulebook files' own shape (camelCase), so a stored version reads like csp-catalogue/*.json.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ImportedCatalogue()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    /// <summary>The bundled catalogue this version replaces (<c>2019</c>, <c>2023</c>).</summary>
    public string CatalogueId { get; private init; } = "";

    public string Title { get; private init; } = "";

    /// <summary>The OSCAL document's <c>metadata.version</c>.</summary>
    public string Version { get; private init; } = "";

    public Guid OscalUuid { get; private init; }

    /// <summary>SHA-256 of the imported document's bytes: the same document is imported once.</summary>
    public string Sha256 { get; private init; } = "";

    public int ItemCount { get; private init; }

    public bool Illustrative { get; private init; }

    /// <summary>The catalogue in the rulebook's JSON form.</summary>
    public string CatalogueJson { get; private init; } = "";

    public DateTimeOffset ImportedAt { get; private init; }

    public CspCatalogue Catalogue => JsonSerializer.Deserialize<CspCatalogue>(CatalogueJson, Json)!;

    internal static ImportedCatalogue Of(CspCatalogue catalogue, string version, Guid uuid, string sha256, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CatalogueId = catalogue.Id,
        Title = catalogue.Title.Length > 300 ? catalogue.Title[..300] : catalogue.Title,
        Version = version.Length > 100 ? version[..100] : version,
        OscalUuid = uuid,
        Sha256 = sha256,
        ItemCount = catalogue.Items.Count,
        Illustrative = catalogue.Illustrative,
        CatalogueJson = JsonSerializer.Serialize(catalogue, Json),
        ImportedAt = now,
    };
}

internal sealed class ImportedCatalogueConfiguration : IEntityTypeConfiguration<ImportedCatalogue>
{
    public void Configure(EntityTypeBuilder<ImportedCatalogue> builder)
    {
        builder.Property(x => x.CatalogueId).HasMaxLength(50);
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.Version).HasMaxLength(100);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.Ignore(x => x.Catalogue);
        builder.HasIndex(x => new { x.OrganizationId, x.Sha256 }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}

/// <summary>What an import did: the new version, or the one already holding this document.</summary>
public sealed record CatalogueImportResult(ImportedCatalogue Catalogue, bool AlreadyImported, IReadOnlyList<string> StructureDifferences);

public static class CatalogueImports
{
    /// <summary>
    /// Imports an OSCAL catalog as a catalogue version: validated whole first (<see cref="OscalCatalogs.ImportCsp"/>), then
    /// stored with its audit event in one transaction. A refused document is audited with the reason and stores nothing.
    /// </summary>
    public static async Task<CatalogueImportResult> ImportAsync(FinCloudDbContext db, byte[] document, string? replacingId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(document));
        CspCatalogue catalogue;
        Guid uuid;
        string version;
        try
        {
            var json = Encoding.UTF8.GetString(document);
            catalogue = OscalCatalogs.ImportCsp(json, replacingId);
            using var parsed = JsonDocument.Parse(json);
            var root = parsed.RootElement.GetProperty("catalog");
            uuid = root.GetProperty("uuid").GetGuid();
            version = root.GetProperty("metadata").GetProperty("version").GetString()!;
        }
        catch (OscalImportException e)
        {
            db.Audit(AuditEventType.OscalCatalogueRejected, nameof(ImportedCatalogue), null, after: $"code={e.Code}; errors={e.Errors.Count}; sha256={sha256}");
            await db.SaveChangesAsync(ct);
            throw;
        }

        if (await db.ImportedCatalogues.FirstOrDefaultAsync(c => c.Sha256 == sha256, ct) is { } existing)
        {
            return new CatalogueImportResult(existing, true, []);
        }

        var imported = ImportedCatalogue.Of(catalogue, version, uuid, sha256, db.Clock.GetUtcNow());
        db.ImportedCatalogues.Add(imported);
        db.Audit(AuditEventType.OscalCatalogueImported, nameof(ImportedCatalogue), imported.Id,
            after: $"catalogue={catalogue.Id}; version={imported.Version}; items={imported.ItemCount}; sha256={sha256}");
        await db.SaveChangesAsync(ct);
        return new CatalogueImportResult(imported, false, CatalogueCsvImporter.CompareWithKnownStructure(catalogue, CspCatalogues.ById(catalogue.Id)));
    }
}
