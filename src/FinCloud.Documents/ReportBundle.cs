using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinCloud.Documents;

/// <summary>One file of a bundle as the manifest lists it.</summary>
public sealed record ManifestEntry(string Path, long Bytes, string Sha256);

/// <summary><c>manifest.json</c>: what was packaged, when, and the SHA-256 of every file.</summary>
public sealed record BundleManifest(string Title, DateTimeOffset CreatedAt, IReadOnlyList<ManifestEntry> Files);

/// <summary>
/// A submission package (보고 패키지): files plus <c>manifest.json</c> and <c>SHA256SUMS</c> (the format
/// <c>sha256sum -c</c> reads) in one ZIP. Entries carry the package's creation time, so the same files
/// give the same archive, and <see cref="Verify"/> lets a receiver check every hash.
/// </summary>
public sealed class ReportBundle(string title)
{
    public const string ManifestName = "manifest.json";
    public const string ChecksumsName = "SHA256SUMS";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly List<(string Path, byte[] Content)> _files = [];

    public IReadOnlyList<string> Paths => _files.Select(f => f.Path).ToList();

    /// <summary>Adds a file under a relative path (folders with '/'); paths are unique.</summary>
    public ReportBundle Add(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var normalized = NormalizePath(path);
        if (normalized is ManifestName or ChecksumsName || _files.Any(f => string.Equals(f.Path, normalized, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"The bundle already has a file named '{normalized}'.", nameof(path));
        }

        _files.Add((normalized, content));
        return this;
    }

    public ReportBundle AddText(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

    public BundleManifest Manifest(DateTimeOffset createdAt) =>
        new(title, createdAt, _files.Select(f => new ManifestEntry(f.Path, f.Content.LongLength, Sha256(f.Content))).ToList());

    /// <summary>Writes the ZIP and returns its manifest.</summary>
    public BundleManifest WriteZip(Stream output, DateTimeOffset createdAt)
    {
        var manifest = Manifest(createdAt);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        foreach (var (path, content) in _files)
        {
            Entry(zip, path, content, createdAt);
        }

        Entry(zip, ManifestName, JsonSerializer.SerializeToUtf8Bytes(manifest, Json), createdAt);
        var sums = string.Concat(manifest.Files.Select(f => $"{f.Sha256}  {f.Path}\n"));
        Entry(zip, ChecksumsName, Encoding.UTF8.GetBytes(sums), createdAt);
        return manifest;
    }

    public byte[] ToZipBytes(DateTimeOffset createdAt)
    {
        using var stream = new MemoryStream();
        WriteZip(stream, createdAt);
        return stream.ToArray();
    }

    /// <summary>Reads a bundle and checks that every listed file is present with its hash and nothing is unlisted.</summary>
    public static BundleVerification Verify(Stream zipStream)
    {
        using var zip = new ZipArchive(zipStream, ZipArchiveMode.Read, leaveOpen: true);
        var manifestEntry = zip.GetEntry(ManifestName);
        if (manifestEntry is null)
        {
            return new BundleVerification(null, ["manifest.json is missing"]);
        }

        BundleManifest? manifest;
        using (var s = manifestEntry.Open())
        {
            manifest = JsonSerializer.Deserialize<BundleManifest>(s, Json);
        }

        if (manifest is null)
        {
            return new BundleVerification(null, ["manifest.json is empty"]);
        }

        var problems = new List<string>();
        foreach (var file in manifest.Files)
        {
            var entry = zip.GetEntry(file.Path);
            if (entry is null)
            {
                problems.Add($"{file.Path}: missing");
                continue;
            }

            using var s = entry.Open();
            var hash = Convert.ToHexStringLower(SHA256.HashData(s));
            if (hash != file.Sha256)
            {
                problems.Add($"{file.Path}: SHA-256 differs");
            }
        }

        var listed = manifest.Files.Select(f => f.Path).Append(ManifestName).Append(ChecksumsName).ToHashSet();
        problems.AddRange(zip.Entries.Where(e => !listed.Contains(e.FullName)).Select(e => $"{e.FullName}: not in the manifest"));
        return new BundleVerification(manifest, problems);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static void Entry(ZipArchive zip, string path, byte[] content, DateTimeOffset when)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        // ZIP stores local times from 1980 on; clamp so a test clock at year 1 still writes a valid archive.
        entry.LastWriteTime = when.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : when;
        using var s = entry.Open();
        s.Write(content);
    }

    private static string NormalizePath(string path)
    {
        var p = path.Replace('\\', '/').Trim('/');
        if (p.Length == 0 || p.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"'{path}' is not a relative file path.", nameof(path));
        }

        return p;
    }
}

public sealed record BundleVerification(BundleManifest? Manifest, IReadOnlyList<string> Problems)
{
    public bool IsIntact => Manifest is not null && Problems.Count == 0;
}
