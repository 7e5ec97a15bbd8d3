using System.CommandLine;
using System.Text.Json;
using FinCloud.Cli.Audit;

namespace FinCloud.Cli.Admin;

/// <summary><c>fincloud admin backup</c> and <c>fincloud admin restore</c>: database and evidence files with a checksummed manifest.</summary>
public static class AdminCommands
{
    /// <summary>A restore that completed but found a missing file, a changed hash or a broken audit chain.</summary>
    public const int VerificationFailedExitCode = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var group = new Command("admin", "운영 관리 (administration: backup and restore)");
        group.Subcommands.Add(BackupCommand());
        group.Subcommands.Add(RestoreCommand());
        return group;
    }

    private static (Option<string?> Db, Option<string?> Connection, Option<string?> Data) DatabaseOptions(Command command)
    {
        var db = new Option<string?>("--db") { Description = "sqlite (default) | postgres; default from Database__Provider" };
        var connection = new Option<string?>("--connection") { Description = "connection string; default from ConnectionStrings__FinCloud, else data/fincloud.db" };
        var data = new Option<string?>("--data") { Description = "data folder (SQLite file, evidence/); default from Data__Directory" };
        command.Options.Add(db);
        command.Options.Add(connection);
        command.Options.Add(data);
        return (db, connection, data);
    }

    private static Command BackupCommand()
    {
        var output = new Option<string>("--out") { Description = "new, empty folder for the backup", Required = true };
        var command = new Command("backup", """
            Writes a consistent copy of the database (SQLite VACUUM INTO, PostgreSQL pg_dump) and the evidence files,
            with manifest.json and SHA256SUMS. Safe while the app runs.

            Examples:
              fincloud admin backup --out /var/backups/fincloud/2026-11-27
              fincloud admin backup --db postgres --connection "Host=127.0.0.1;Username=fincloud;Database=fincloud" --data /srv/fincloud --out backup
            """);
        var (db, connection, data) = DatabaseOptions(command);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            var settings = AuditCommands.Settings(parse.GetValue(db), parse.GetValue(connection), parse.GetValue(data));
            var manifest = await Backup.CreateAsync(settings, parse.GetValue(output)!, TimeProvider.System, ct);
            Console.Out.Write(JsonSerializer.Serialize(new
            {
                backup = Path.GetFullPath(parse.GetValue(output)!),
                provider = manifest.Provider,
                files = manifest.Files.Count,
                bytes = manifest.Files.Sum(f => f.Bytes),
                evidenceFiles = manifest.Files.Count(f => f.Path.StartsWith(Backup.EvidenceFolder + "/", StringComparison.Ordinal)),
            }, Json) + "\n");
            return 0;
        });
        return command;
    }

    private static Command RestoreCommand()
    {
        var from = new Option<string>("--from") { Description = "backup folder written by `fincloud admin backup`", Required = true };
        var command = new Command("restore", """
            Checks every file of the backup against its manifest, restores into an EMPTY database and data folder,
            then verifies every evidence file's SHA-256 and every organisation's audit chain.
            Exits 0 when all is intact, 3 when verification found a problem, 2 for bad input (nothing restored).

            Examples:
              fincloud admin restore --from /var/backups/fincloud/2026-11-27 --data /srv/fincloud-restored
            """);
        var (db, connection, data) = DatabaseOptions(command);
        command.Options.Add(from);
        command.SetAction(async (parse, ct) =>
        {
            var settings = AuditCommands.Settings(parse.GetValue(db), parse.GetValue(connection), parse.GetValue(data));
            var report = await Backup.RestoreAsync(settings, parse.GetValue(from)!, ct);
            Console.Out.Write(JsonSerializer.Serialize(new { intact = report.Intact, report.Files, report.EvidenceVerified, report.PackagesVerified, report.Organizations, report.AuditEvents, report.AuditChainsIntact, report.Problems }, Json) + "\n");
            return report.Intact ? 0 : VerificationFailedExitCode;
        });
        return command;
    }
}
