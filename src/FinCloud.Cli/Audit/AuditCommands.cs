using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Persistence;
using FinCloud.Core.Tenancy;
using FinCloud.Migrations.Postgres;
using FinCloud.Migrations.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Cli.Audit;

/// <summary>
/// <c>fincloud audit verify</c>: checks every organisation's audit hash chain in the web app's database, read-only.
/// Reads the same settings as the web app: <c>--db</c> / <c>Database__Provider</c>, <c>--connection</c> /
/// <c>ConnectionStrings__FinCloud</c>, <c>--data</c> / <c>Data__Directory</c>. Exit 0: intact; 3: a chain is broken.
/// </summary>
public static class AuditCommands
{
    public const int BrokenExitCode = 3;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var group = new Command("audit", "감사 추적 (audit trail of the web app's database)");
        group.Subcommands.Add(Verify());
        return group;
    }

    private static Command Verify()
    {
        var db = new Option<string?>("--db") { Description = "sqlite (default) | postgres; default from Database__Provider" };
        var connection = new Option<string?>("--connection") { Description = "connection string; default from ConnectionStrings__FinCloud, else data/fincloud.db" };
        var data = new Option<string?>("--data") { Description = "data folder of the SQLite file; default from Data__Directory, else data/ at the repository root" };
        var organization = new Option<Guid?>("--organization") { Description = "verify only this organisation's chain (id)" };
        var command = new Command("verify", """
            Verifies each organisation's hash chain and names the first broken link (an edited, deleted or
            missing event). Prints JSON; exits 0 when every chain is intact, 3 when one is broken.

            Examples:
              fincloud audit verify
              fincloud audit verify --db postgres --connection "Host=127.0.0.1;Username=fincloud;Database=fincloud"
            """);
        command.Options.Add(db);
        command.Options.Add(connection);
        command.Options.Add(data);
        command.Options.Add(organization);
        command.SetAction(async (parse, ct) =>
        {
            var settings = Settings(parse.GetValue(db), parse.GetValue(connection), parse.GetValue(data));
            await using var context = Open(settings);
            var organizations = await context.Organizations.AsNoTracking().ToListAsync(ct);
            if (parse.GetValue(organization) is { } only)
            {
                organizations = [.. organizations.Where(o => o.Id == only)];
                if (organizations.Count == 0)
                {
                    throw new InputErrorException("unknown-organization", $"No organisation with id {only}.", "--organization");
                }
            }

            var results = new List<object>();
            var allIntact = true;
            foreach (var o in organizations.OrderBy(o => o.NameEn, StringComparer.Ordinal))
            {
                var result = await AuditChain.VerifyOrganizationAsync(context, o.Id, ct);
                allIntact &= result.IsIntact;
                results.Add(new
                {
                    id = o.Id,
                    name = o.NameKo,
                    intact = result.IsIntact,
                    verifiedEvents = result.VerifiedEvents,
                    firstBrokenLink = result.FirstBrokenLink is { } b ? new { sequence = b.Sequence, eventId = b.EventId, reason = b.Reason } : null,
                });
            }

            var json = JsonSerializer.Serialize(new { intact = allIntact, organizations = results }, Json);
            Console.Out.Write(json + "\n");
            return allIntact ? 0 : BrokenExitCode;
        });
        return command;
    }

    internal static DatabaseSettings Settings(string? provider, string? connection, string? data)
    {
        try
        {
            return DatabaseSettings.Resolve(
                provider ?? Environment.GetEnvironmentVariable("Database__Provider"),
                connection ?? Environment.GetEnvironmentVariable("ConnectionStrings__FinCloud"),
                data ?? Environment.GetEnvironmentVariable("Data__Directory"));
        }
        catch (ArgumentException error)
        {
            throw new InputErrorException("database-settings", error.Message, "--db");
        }
    }

    /// <param name="writable">Open SQLite for writing (an operator's command); verification opens it read-only.</param>
    internal static FinCloudDbContext Open(DatabaseSettings settings, bool writable = false)
    {
        var options = new DbContextOptionsBuilder<FinCloudDbContext>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString);
            if (!File.Exists(builder.DataSource))
            {
                throw new InputErrorException("no-database", $"No database at {builder.DataSource}: start the web app once, or pass --data or --connection.", "--data");
            }

            // Verification never writes; neither opens a database that is not there (no empty one made by accident).
            builder.Mode = writable ? Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite : Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly;
            SqliteDatabase.Configure(options, builder.ConnectionString);
        }
        else
        {
            PostgresDatabase.Configure(options, settings.ConnectionString);
        }

        return new FinCloudDbContext(options.Options, new TenantContext(), TimeProvider.System);
    }
}
