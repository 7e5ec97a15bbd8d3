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

    /// <summary>Limits for a received bundle: a ZIP bomb or a hostile manifest is reported, never expanded into memory.</summary>
    public const long MaxManifestBytes = 1024 * 1024;

    public const long MaxEntryBytes = 512L * 1024 * 1024;

    public const long MaxTotalBytes = 2L * 1024 * 1024 * 1024;

    public const int MaxEntries = 10_000;

    /// <summary>
    /// Reads a bundle and checks that every listed file is present with its hash and nothing is unlisted. Input is
    /// untrusted: entries are read as streams under size limits, names that climb out of the bundle are flagged, and
    /// a file that is not a ZIP archive is a problem, not an exception.
    /// </summary>
    public static BundleVerification Verify(Stream zipStream)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(zipStream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return new BundleVerification(null, ["not a ZIP archive"]);
        }

        using (zip)
        {
            try
            {
                return Verify(zip);
            }
            catch (InvalidDataException error)
            {
                return new BundleVerification(null, ["damaged ZIP archive: " + error.Message]);
            }
        }
    }

    private static BundleVerification Verify(ZipArchive zip)
    {
        if (zip.Entries.Count > MaxEntries)
        {
            return new BundleVerification(null, [$"more than {MaxEntries} entries"]);
        }

        var problems = new List<string>();
        problems.AddRange(zip.Entries.Where(e => !IsSafeName(e.FullName)).Select(e => $"{e.FullName}: unsafe path (absolute or climbing out of the bundle)"));
        var manifestEntry = zip.GetEntry(ManifestName);
        if (manifestEntry is null)
        {
            return new BundleVerification(null, [.. problems, "manifest.json is missing"]);
        }

        BundleManifest? manifest;
        try
        {
            using var s = new BoundedStream(manifestEntry.Open(), MaxManifestBytes);
            manifest = JsonSerializer.Deserialize<BundleManifest>(s, Json);
        }
        catch (Exception error) when (error is JsonException or BoundedStream.LimitExceededException or NotSupportedException)
        {
            return new BundleVerification(null, [.. problems, "manifest.json is unreadable: " + error.Message]);
        }

        if (manifest?.Files is null)
        {
            return new BundleVerification(null, [.. problems, "manifest.json is empty"]);
        }

        long total = 0;
        foreach (var file in manifest.Files)
        {
            var entry = file.Path is { } path ? zip.GetEntry(path) : null;
            if (entry is null)
            {
                problems.Add($"{file.Path}: missing");
                continue;
            }

            try
            {
                using var s = new BoundedStream(entry.Open(), Math.Min(MaxEntryBytes, MaxTotalBytes - total));
                var hash = Convert.ToHexStringLower(SHA256.HashData(s));
                total += s.BytesRead;
                if (hash != file.Sha256)
                {
                    problems.Add($"{file.Path}: SHA-256 differs");
                }
            }
            catch (BoundedStream.LimitExceededException)
            {
                problems.Add($"{file.Path}: expands beyond the size limit (possible ZIP bomb); not read further");
                return new BundleVerification(manifest, problems);
            }
        }

        var listed = manifest.Files.Select(f => f.Path).Append(ManifestName).Append(ChecksumsName).ToHashSet();
        problems.AddRange(zip.Entries.Where(e => !listed.Contains(e.FullName)).Select(e => $"{e.FullName}: not in the manifest"));
        return new BundleVerification(manifest, problems);
    }

    /// <summary>A relative path inside the bundle: no drive, no leading slash, no backslash, no <c>..</c> segment.</summary>
    public static bool IsSafeName(string name) =>
        name.Length > 0 && name[0] != '/' && !name.Contains('\\', StringComparison.Ordinal) && !name.Contains(':', StringComparison.Ordinal)
        && !name.Split('/').Any(segment => segment is "..");

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

/// <summary>A read-only stream that throws once more than <c>limit</c> bytes have been read: decompression stops there.</summary>
internal sealed class BoundedStream(Stream inner, long limit) : Stream
{
    public sealed class LimitExceededException() : IOException("size limit exceeded");

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    private int Count(int n)
    {
        BytesRead += n;
        return BytesRead > limit ? throw new LimitExceededException() : n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
