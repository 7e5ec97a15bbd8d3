using System.Security.Cryptography;
using FinCloud.Core.Persistence;

namespace FinCloud.Web.Features.CloudUse;

/// <summary>A file written to the store's temporary folder, hashed and checked, not yet part of any case.</summary>
public sealed record StagedFile(string TempPath, long Size, string Sha256, string ContentType);

/// <summary>
/// Evidence files on disk under <c>evidence/</c> in the data folder. A file is written to <c>tmp/</c> while it is hashed,
/// then moved into place in the same transaction as its database row, so a failure leaves no half-written record;
/// <see cref="SweepOrphans"/> removes what a crash left behind.
/// </summary>
public sealed class EvidenceStore(DatabaseSettings settings)
{
    /// <summary>Upload limit per file.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public string Root { get; } = Path.Combine(settings.DataDirectory, "evidence");

    private string TempFolder => Path.Combine(Root, "tmp");

    /// <summary>Streams the upload to a temporary file, hashing as it goes; refuses files over the limit or of a type we do not keep.</summary>
    public async Task<StagedFile> StageAsync(Stream content, string fileName, CancellationToken ct)
    {
        Directory.CreateDirectory(TempFolder);
        var temp = Path.Combine(TempFolder, Guid.NewGuid().ToString("N"));
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[8];
            var headLength = 0;
            long size = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxBytes)
                    {
                        throw new EvidenceRejectedException("too-large", $"파일이 {MaxBytes / 1024 / 1024}MB를 넘습니다.");
                    }

                    if (headLength < head.Length)
                    {
                        var n = Math.Min(head.Length - headLength, read);
                        Array.Copy(buffer, 0, head, headLength, n);
                        headLength += n;
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            if (size == 0)
            {
                throw new EvidenceRejectedException("empty", "빈 파일입니다.");
            }

            var type = Sniff(head.AsSpan(0, headLength), fileName)
                ?? throw new EvidenceRejectedException("type", "허용되지 않는 파일 형식입니다 (PDF, 이미지, Office, HWP, 텍스트).");
            return new StagedFile(temp, size, Convert.ToHexStringLower(hash.GetHashAndReset()), type);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Moves a staged file to its place; returns the relative storage key.</summary>
    public string Commit(StagedFile staged, Guid organizationId, Guid caseId, Guid fileId)
    {
        var key = Path.Combine(organizationId.ToString("N"), caseId.ToString("N"), fileId.ToString("N"));
        var target = Path.Combine(Root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(staged.TempPath, target);
        return key;
    }

    public void Discard(StagedFile staged, string? key)
    {
        File.Delete(staged.TempPath);
        if (key is not null)
        {
            File.Delete(Path.Combine(Root, key));
        }
    }

    public Stream Open(string key) => new FileStream(Path.Combine(Root, key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public string PathOf(string key) => Path.Combine(Root, key);

    /// <summary>Deletes temporary files older than an hour and stored files no row points to; returns how many it removed.</summary>
    public int SweepOrphans(IReadOnlySet<string> knownKeys, DateTimeOffset now)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(Root, file);
            var isTemp = key.StartsWith("tmp" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            var old = now - File.GetLastWriteTimeUtc(file) > TimeSpan.FromHours(1);
            if ((isTemp && old) || (!isTemp && old && !knownKeys.Contains(key)))
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>The content type from the file's first bytes, cross-checked with its extension; null for types we do not keep.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head, string fileName)
    {
        var ext = Path.GetExtension(fileName).ToUpperInvariant();
        if (head.StartsWith("%PDF"u8))
        {
            return "application/pdf";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return ext switch
            {
                ".DOCX" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".XLSX" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ".PPTX" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                ".HWPX" => "application/hwp+zip",
                ".ZIP" => "application/zip",
                _ => null,
            };
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return ext == ".HWP" ? "application/x-hwp" : null;
        }

        if (ext is ".TXT" or ".CSV" or ".MD" && !head.Contains((byte)0))
        {
            return ext == ".CSV" ? "text/csv" : "text/plain";
        }

        return null;
    }
}

public sealed class EvidenceRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
