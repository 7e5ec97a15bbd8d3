using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinCloud.Core.Features.Exchange;

/// <summary>What a bundle carries; decides which organisation may import it and what the import creates.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BundleKind>))]
public enum BundleKind
{
    /// <summary>클라우드 이용 보고: an institution's report package, for the FSS.</summary>
    [JsonStringEnumMemberName("cloud-use-report")]
    CloudUseReport = 1,

    /// <summary>CSP 평가 결과: an FSI evaluation result, for every institution.</summary>
    [JsonStringEnumMemberName("csp-evaluation-result")]
    CspEvaluationResult = 2,

    /// <summary>보완요청: the FSS asks an institution to supplement a report.</summary>
    [JsonStringEnumMemberName("supplementation-request")]
    SupplementationRequest = 3,
}

/// <summary>The issuing organisation as it names itself, and the id of the key that signed.</summary>
public sealed record BundleIssuer(string Name, string NameEn, string Kind, string KeyId);

/// <summary>One file of the bundle with its size and SHA-256 (lower-case hex).</summary>
public sealed record BundleFile(string Path, long Bytes, string Sha256);

/// <summary><c>manifest.json</c>, the signed part of a bundle (docs/bundle-format.md).</summary>
public sealed record ExchangeManifest(
    int SchemaVersion,
    Guid BundleId,
    BundleKind Kind,
    string Title,
    BundleIssuer Issuer,
    DateTimeOffset CreatedAt,
    Guid? InReplyTo,
    IReadOnlyList<BundleFile> Files);

/// <summary>Why a bundle was refused. Stable codes: the CLI prints them and the import page shows them.</summary>
public enum BundleRejection
{
    [JsonStringEnumMemberName("unreadable")] Unreadable = 1,
    [JsonStringEnumMemberName("no-manifest")] NoManifest = 2,
    [JsonStringEnumMemberName("unsigned")] NoSignature = 3,
    [JsonStringEnumMemberName("unsupported-schema")] UnsupportedSchema = 4,
    [JsonStringEnumMemberName("unknown-issuer")] UnknownIssuer = 5,
    [JsonStringEnumMemberName("bad-signature")] BadSignature = 6,
    [JsonStringEnumMemberName("tampered")] Tampered = 7,
    [JsonStringEnumMemberName("replayed")] Replayed = 8,
    [JsonStringEnumMemberName("not-for-this-organisation")] NotForThisOrganisation = 9,
    [JsonStringEnumMemberName("unknown-reference")] UnknownReference = 10,
}

/// <summary>A public key the reader trusts, pinned out of band, with the name it was pinned under.</summary>
public sealed record TrustedKey(string KeyId, string Name, byte[] SubjectPublicKeyInfo);

/// <summary>The outcome of reading a bundle: the verified manifest and files, or the first reason it fails.</summary>
public sealed record BundleCheck(ExchangeManifest? Manifest, TrustedKey? Signer, BundleRejection? Rejection, string Message, IReadOnlyDictionary<string, byte[]> Files)
{
    public bool IsValid => Rejection is null && Manifest is not null;

    public byte[] Payload => Files[ExchangeBundle.PayloadName];

    public static BundleCheck Reject(BundleRejection reason, string message, ExchangeManifest? manifest = null) =>
        new(manifest, null, reason, message, new Dictionary<string, byte[]>());
}

/// <summary>
/// 교환 번들: a ZIP with <c>manifest.json</c> (schema version, bundle id, issuer, creation time, every file's SHA-256),
/// <c>manifest.sig</c> (ECDSA P-256 over the exact manifest bytes, SHA-256, DER as <c>openssl dgst -verify</c> reads it),
/// <c>payload.json</c> and human-readable files under <c>documents/</c>. The signature covers the manifest and, through
/// its hashes, every file; ZIP metadata (entry timestamps, comments) is not covered and never read.
/// </summary>
public static class ExchangeBundle
{
    public const int SchemaVersion = 1;
    public const string ManifestName = "manifest.json";
    public const string SignatureName = "manifest.sig";
    public const string PayloadName = "payload.json";
    public const string DocumentsFolder = "documents/";

    /// <summary>Largest bundle read; larger uploads are refused before anything is parsed.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private const int MaxEntries = 500;

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Key id: lower-case hex SHA-256 of the DER SubjectPublicKeyInfo, the same for the PEM file and the stored key.</summary>
    public static string KeyIdOf(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    public static string KeyIdOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return KeyIdOf(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Reads a PEM <c>PUBLIC KEY</c> (P-256) into a trusted key named <paramref name="name"/>.</summary>
    public static TrustedKey TrustedKeyFromPem(string pem, string name)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        if (key.KeySize != 256)
        {
            throw new CryptographicException("Only ECDSA P-256 public keys are accepted.");
        }

        var spki = key.ExportSubjectPublicKeyInfo();
        return new TrustedKey(KeyIdOf(spki), name, spki);
    }

    /// <summary>Writes and signs a bundle; <paramref name="documents"/> go under <c>documents/</c>.</summary>
    public static byte[] Write(
        Guid bundleId, BundleKind kind, string title, BundleIssuer issuer, DateTimeOffset createdAt, Guid? inReplyTo,
        byte[] payload, IReadOnlyList<(string Name, byte[] Content)> documents, ECDsa signingKey)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(signingKey);
        var keyId = KeyIdOf(signingKey);
        if (issuer.KeyId != keyId)
        {
            throw new ArgumentException("The issuer's key id is not the signing key's.", nameof(issuer));
        }

        var files = new List<(string Path, byte[] Content)> { (PayloadName, payload) };
        foreach (var (name, content) in documents)
        {
            var path = DocumentsFolder + name;
            if (!IsSafePath(path) || files.Any(f => string.Equals(f.Path, path, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"'{name}' is not a usable document name.", nameof(documents));
            }

            files.Add((path, content));
        }

        var manifest = new ExchangeManifest(SchemaVersion, bundleId, kind, title, issuer, createdAt, inReplyTo,
            files.Select(f => new BundleFile(f.Path, f.Content.LongLength, Convert.ToHexStringLower(SHA256.HashData(f.Content)))).ToList());
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
        var signature = signingKey.SignData(manifestBytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            Entry(zip, ManifestName, manifestBytes, createdAt);
            Entry(zip, SignatureName, signature, createdAt);
            foreach (var (path, content) in files)
            {
                Entry(zip, path, content, createdAt);
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// Verifies a bundle against the reader's pinned keys: structure, signature, every hash, no unlisted file. Returns
    /// the first failure; a valid result carries every file's bytes.
    /// </summary>
    public static BundleCheck Verify(byte[] bundle, IReadOnlyCollection<TrustedKey> trusted)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(trusted);
        if (bundle.LongLength > MaxBytes)
        {
            return BundleCheck.Reject(BundleRejection.Unreadable, $"The bundle is larger than {MaxBytes / 1024 / 1024} MB.");
        }

        try
        {
            return VerifyZip(bundle, trusted);
        }
        catch (InvalidDataException e)
        {
            // A damaged archive: a changed byte in compressed data fails its CRC or its deflate stream.
            return BundleCheck.Reject(BundleRejection.Tampered, "The archive is damaged: " + e.Message);
        }
    }

    private static BundleCheck VerifyZip(byte[] bundle, IReadOnlyCollection<TrustedKey> trusted)
    {
        using var zip = new ZipArchive(new MemoryStream(bundle, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries)
        {
            return BundleCheck.Reject(BundleRejection.Unreadable, "The bundle has too many files.");
        }

        var duplicate = zip.Entries.GroupBy(e => e.FullName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return BundleCheck.Reject(BundleRejection.Tampered, $"'{duplicate.Key}' appears twice in the archive.");
        }

        var manifestEntry = zip.GetEntry(ManifestName);
        if (manifestEntry is null)
        {
            return BundleCheck.Reject(BundleRejection.NoManifest, "manifest.json is missing: this is not a FinCloud exchange bundle.");
        }

        var signatureEntry = zip.GetEntry(SignatureName);
        if (signatureEntry is null)
        {
            return BundleCheck.Reject(BundleRejection.NoSignature, "manifest.sig is missing: the bundle is not signed.");
        }

        var manifestBytes = ReadCapped(manifestEntry, 4L * 1024 * 1024);
        var signature = ReadCapped(signatureEntry, 1024);
        ExchangeManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ExchangeManifest>(manifestBytes, Json)
                ?? throw new JsonException("empty manifest");
        }
        catch (JsonException e)
        {
            return BundleCheck.Reject(BundleRejection.UnsupportedSchema, "manifest.json cannot be read: " + e.Message);
        }

        if (manifest.SchemaVersion != SchemaVersion)
        {
            return BundleCheck.Reject(BundleRejection.UnsupportedSchema, $"Schema version {manifest.SchemaVersion} is not supported (this installation reads {SchemaVersion}).", manifest);
        }

        var signer = trusted.FirstOrDefault(k => k.KeyId == manifest.Issuer.KeyId);
        if (signer is null)
        {
            return BundleCheck.Reject(BundleRejection.UnknownIssuer,
                $"The issuer '{manifest.Issuer.Name}' signed with key {manifest.Issuer.KeyId[..Math.Min(16, manifest.Issuer.KeyId.Length)]}…, which is not in the trusted-issuer register.", manifest);
        }

        using (var key = ECDsa.Create())
        {
            key.ImportSubjectPublicKeyInfo(signer.SubjectPublicKeyInfo, out _);
            if (!key.VerifyData(manifestBytes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                return BundleCheck.Reject(BundleRejection.BadSignature, "The signature does not match the manifest: it was changed or signed with another key.", manifest);
            }
        }

        if (!manifest.Files.Any(f => f.Path == PayloadName))
        {
            return BundleCheck.Reject(BundleRejection.Tampered, "payload.json is not listed in the manifest.", manifest);
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            var entry = IsSafePath(file.Path) ? zip.GetEntry(file.Path) : null;
            if (entry is null)
            {
                return BundleCheck.Reject(BundleRejection.Tampered, $"{file.Path}: listed in the manifest but missing.", manifest);
            }

            var content = ReadCapped(entry, file.Bytes);
            if (content.LongLength != file.Bytes || Convert.ToHexStringLower(SHA256.HashData(content)) != file.Sha256)
            {
                return BundleCheck.Reject(BundleRejection.Tampered, $"{file.Path}: SHA-256 differs from the manifest.", manifest);
            }

            files[file.Path] = content;
        }

        var listed = manifest.Files.Select(f => f.Path).Append(ManifestName).Append(SignatureName).ToHashSet(StringComparer.Ordinal);
        if (zip.Entries.FirstOrDefault(e => !listed.Contains(e.FullName)) is { } extra)
        {
            return BundleCheck.Reject(BundleRejection.Tampered, $"{extra.FullName}: not in the manifest.", manifest);
        }

        return new BundleCheck(manifest, signer, null, "verified", files);
    }

    /// <summary>Reads at most one byte more than expected, so a zip bomb or a lying size stops early.</summary>
    private static byte[] ReadCapped(ZipArchiveEntry entry, long expected)
    {
        using var s = entry.Open();
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = s.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > expected)
            {
                break;
            }
        }

        return copy.ToArray();
    }

    private static bool IsSafePath(string path) =>
        path.Length is > 0 and <= 200 && !path.Contains('\\', StringComparison.Ordinal) && !path.StartsWith('/')
        && path.Split('/').All(s => s is not ("" or "." or ".."));

    private static void Entry(ZipArchive zip, string path, byte[] content, DateTimeOffset when)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = when.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : when;
        using var s = entry.Open();
        s.Write(content);
    }
}
