using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using FinCloud.Cli.Audit;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Persistence;
using FinCloud.Core.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FinCloud.Cli.Admin;

/// <summary>One file of a backup: its path inside the backup folder, size and SHA-256.</summary>
public sealed record BackupEntry(string Path, long Bytes, string Sha256);

/// <summary><c>manifest.json</c> of a backup folder.</summary>
public sealed record BackupManifest(int Format, string Product, DateTimeOffset CreatedAt, string Provider, string Database, IReadOnlyList<BackupEntry> Files);

/// <summary>What a restore found: restored files, evidence rows whose file hash matched, audit chains verified.</summary>
public sealed record RestoreReport(int Files, int EvidenceVerified, int PackagesVerified, int Organizations, long AuditEvents, bool AuditChainsIntact, IReadOnlyList<string> Problems)
{
    public bool Intact => AuditChainsIntact && Problems.Count == 0;
}

/// <summary>
/// Backup and restore of the database and the evidence store. The database is copied first as one consistent snapshot
/// (SQLite <c>VACUUM INTO</c>, PostgreSQL <c>pg_dump</c>, which reads in one repeatable-read transaction); evidence files
/// are copied after it. A stored file is moved into place before its row commits and is never changed, so every row in
/// the snapshot finds its file; files written after the snapshot are extra and harmless (the orphan sweep removes them).
/// </summary>
public static class Backup
{
    public const string ManifestName = "manifest.json";
    public const string SumsName = "SHA256SUMS";

    /// <summary>Under the data folder, as the web app's evidence store keeps them.</summary>
    public const string EvidenceFolder = "evidence";

    private const string SqliteFile = "database/fincloud.db";
    private const string PostgresFile = "database/fincloud.dump";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static async Task<BackupManifest> CreateAsync(DatabaseSettings settings, string outDirectory, TimeProvider clock, CancellationToken ct)
    {
        var root = Path.GetFullPath(outDirectory);
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new InputErrorException("backup-exists", $"{root} is not empty: back up into a new folder.", "--out");
        }

        Directory.CreateDirectory(Path.Combine(root, "database"));
        string database;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            database = SqliteFile;
            await SnapshotSqliteAsync(settings.ConnectionString, Path.Combine(root, SqliteFile), ct);
        }
        else
        {
            database = PostgresFile;
            await RunPostgresToolAsync("pg_dump", settings.ConnectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.Combine(root, PostgresFile)], ct);
        }

        var evidence = Path.Combine(settings.DataDirectory, EvidenceFolder);
        if (Directory.Exists(evidence))
        {
            foreach (var file in Directory.EnumerateFiles(evidence, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(evidence, file);
                if (relative.StartsWith("tmp" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    continue;   // uploads in progress: not part of any committed record
                }

                var target = Path.Combine(root, EvidenceFolder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        var entries = new List<BackupEntry>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            entries.Add(await EntryAsync(root, file, ct));
        }

        var manifest = new BackupManifest(1, "FinCloud", clock.GetUtcNow(), settings.Provider.ToString().ToLowerInvariant(), database, entries);
        await File.WriteAllTextAsync(Path.Combine(root, ManifestName), JsonSerializer.Serialize(manifest, Json), ct);
        await File.WriteAllLinesAsync(Path.Combine(root, SumsName), entries.Select(e => $"{e.Sha256}  {e.Path}"), ct);
        return manifest;
    }

    /// <summary>Checks every file against the manifest, restores into an empty database and evidence folder, then verifies.</summary>
    public static async Task<RestoreReport> RestoreAsync(DatabaseSettings settings, string fromDirectory, CancellationToken ct)
    {
        var root = Path.GetFullPath(fromDirectory);
        var manifest = await ReadVerifiedAsync(root, ct);
        if (!string.Equals(manifest.Provider, settings.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new InputErrorException("provider-mismatch", $"The backup is of a {manifest.Provider} database; restore it with --db {manifest.Provider}.", "--db");
        }

        var evidence = Path.Combine(settings.DataDirectory, EvidenceFolder);
        if (Directory.Exists(evidence) && Directory.EnumerateFiles(evidence, "*", SearchOption.AllDirectories).Any())
        {
            throw new InputErrorException("target-not-empty", $"{evidence} already holds files: restore into an empty data folder.", "--data");
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var target = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (File.Exists(target) && new FileInfo(target).Length > 0)
            {
                throw new InputErrorException("target-not-empty", $"{target} exists: restore into an empty database.", "--connection");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            File.Copy(Path.Combine(root, manifest.Database), target, overwrite: true);
        }
        else
        {
            if (await PostgresTableCountAsync(settings.ConnectionString, ct) > 0)
            {
                throw new InputErrorException("target-not-empty", "The target PostgreSQL database already has tables: restore into an empty database.", "--connection");
            }

            await RunPostgresToolAsync("pg_restore", settings.ConnectionString, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", Path.Combine(root, manifest.Database)], ct);
        }

        var files = 0;
        foreach (var entry in manifest.Files.Where(e => e.Path.StartsWith(EvidenceFolder + "/", StringComparison.Ordinal)))
        {
            var target = Path.Combine(evidence, entry.Path[(EvidenceFolder.Length + 1)..]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(root, entry.Path), target);
            files++;
        }

        return await VerifyAsync(settings, files, ct);
    }

    /// <summary>Every evidence row's file exists with the hash the row recorded, every package's file exists, every audit chain is intact.</summary>
    public static async Task<RestoreReport> VerifyAsync(DatabaseSettings settings, int files, CancellationToken ct)
    {
        var evidence = Path.Combine(settings.DataDirectory, EvidenceFolder);
        var problems = new List<string>();
        await using var db = AuditCommands.Open(settings);
        var rows = await db.EvidenceFiles.AcrossTenants(AcrossTenantsReason.OperatorVerification).AsNoTracking()
            .Select(f => new { f.Id, f.StorageKey, f.Sha256 }).ToListAsync(ct);
        foreach (var row in rows)
        {
            var path = Path.Combine(evidence, row.StorageKey);
            if (!File.Exists(path))
            {
                problems.Add($"evidence {row.Id}: file missing");
            }
            else if (await HashAsync(path, ct) != row.Sha256)
            {
                problems.Add($"evidence {row.Id}: SHA-256 differs from the recorded one");
            }
        }

        var packages = await db.ReportPackages.AcrossTenants(AcrossTenantsReason.OperatorVerification).AsNoTracking()
            .Select(p => new { p.Id, p.StorageKey, p.Sha256 }).ToListAsync(ct);
        foreach (var package in packages)
        {
            var path = Path.Combine(evidence, package.StorageKey);
            if (!File.Exists(path))
            {
                problems.Add($"report package {package.Id}: file missing");
            }
            else if (await HashAsync(path, ct) != package.Sha256)
            {
                problems.Add($"report package {package.Id}: SHA-256 differs from the recorded one");
            }
        }

        var intact = true;
        long events = 0;
        var organizations = await db.Organizations.AsNoTracking().Select(o => o.Id).ToListAsync(ct);
        foreach (var organization in organizations)
        {
            var chain = await AuditChain.VerifyOrganizationAsync(db, organization, ct);
            intact &= chain.IsIntact;
            events += chain.VerifiedEvents;
            if (chain.FirstBrokenLink is { } broken)
            {
                problems.Add($"organisation {organization}: audit chain broken at {broken.Sequence} ({broken.Reason})");
            }
        }

        return new RestoreReport(files, rows.Count, packages.Count, organizations.Count, events, intact, problems);
    }

    public static async Task<BackupManifest> ReadVerifiedAsync(string root, CancellationToken ct)
    {
        var manifestPath = Path.Combine(root, ManifestName);
        if (!File.Exists(manifestPath))
        {
            throw new InputErrorException("no-manifest", $"{manifestPath} not found: not a FinCloud backup folder.", "--from");
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct), Json)
            ?? throw new InputErrorException("bad-manifest", "manifest.json is empty.", "--from");
        foreach (var entry in manifest.Files)
        {
            // Paths come from a file anyone could have edited: never outside the backup folder.
            var path = Path.GetFullPath(Path.Combine(root, entry.Path));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InputErrorException("bad-manifest", $"{entry.Path} points outside the backup.", "--from");
            }

            if (!File.Exists(path) || await HashAsync(path, ct) != entry.Sha256)
            {
                throw new InputErrorException("backup-corrupt", $"{entry.Path} is missing or its SHA-256 differs from the manifest; nothing was restored.", "--from");
            }
        }

        if (manifest.Files.All(e => e.Path != manifest.Database))
        {
            throw new InputErrorException("bad-manifest", "The manifest lists no database file.", "--from");
        }

        return manifest;
    }

    private static async Task SnapshotSqliteAsync(string connectionString, string target, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!File.Exists(builder.DataSource))
        {
            throw new InputErrorException("no-database", $"No database at {builder.DataSource}.", "--data");
        }

        builder.Mode = SqliteOpenMode.ReadOnly;
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // One read transaction: a consistent copy while the app keeps writing.
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> PostgresTableCountAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Runs pg_dump or pg_restore of the PostgreSQL client package with the connection's host, port, user and database.</summary>
    private static async Task RunPostgresToolAsync(string tool, string connectionString, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindPostgresTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--host=" + (c.Host ?? "127.0.0.1"));
        start.ArgumentList.Add("--port=" + c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--username=" + (c.Username ?? "postgres"));
        start.ArgumentList.Add("--dbname=" + c.Database);
        start.ArgumentList.Add("--no-password");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (c.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
        }
    }

    /// <summary>PATH first, then the newest Debian server package folder; <c>FINCLOUD_PG_BIN</c> overrides both.</summary>
    private static string FindPostgresTool(string tool)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("FINCLOUD_PG_BIN") is { Length: > 0 } bin)
        {
            candidates.Add(Path.Combine(bin, tool));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(p => Path.Combine(p, tool)));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin", tool)));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InputErrorException("pg-tools-missing", $"{tool} not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client) or set FINCLOUD_PG_BIN.", null);
    }

    private static async Task<BackupEntry> EntryAsync(string root, string file, CancellationToken ct) =>
        new(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'), new FileInfo(file).Length, await HashAsync(file, ct));

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
