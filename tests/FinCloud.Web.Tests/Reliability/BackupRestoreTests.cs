using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using FinCloud.Cli;
using FinCloud.Cli.Admin;
using FinCloud.Core.Audit;
using FinCloud.Core.Persistence;
using FinCloud.Core.Tenancy;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Reliability;

/// <summary><c>fincloud admin backup</c> / <c>restore</c>: a backup of a working app restores into an empty database with nothing lost.</summary>
public sealed class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DatabaseSettings SettingsOf(string provider, string connectionString, string dataDirectory) =>
        new(provider == Databases.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, connectionString, dataDirectory);

    /// <summary>Runs the built CLI as its own process, as an operator would.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> FincloudAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fincloud.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_backup_restores_into_an_empty_database_with_every_evidence_hash_and_audit_chain_intact(string provider)
    {
        await using var app = await FinCloudApp.StartAsync(provider);
        var bank = await app.CreateOrganizationAsync();
        await CloudUse.CloudUseResources.OfAsync(app, bank);
        await CloudUse.CloudUseResources.OfAsync(app, await app.CreateOrganizationAsync());
        var source = await app.WithDbAsync(async db => new
        {
            Evidence = await db.EvidenceFiles.AcrossTenants(AcrossTenantsReason.OperatorVerification).Select(f => f.Sha256).OrderBy(h => h).ToListAsync(Ct),
            Events = await db.AuditEvents.AcrossTenants(AcrossTenantsReason.OperatorVerification).CountAsync(Ct),
            Users = await db.Users.CountAsync(Ct),
        });
        source.Evidence.Count.ShouldBeGreaterThanOrEqualTo(2);

        var backup = Path.Combine(Directory.CreateTempSubdirectory("fincloud-backup-").FullName, "b");
        var backedUp = await FincloudAsync("admin", "backup", "--db", provider, "--connection", app.ConnectionString, "--data", app.DataDirectory, "--out", backup);
        backedUp.ExitCode.ShouldBe(0, backedUp.Stderr);
        File.ReadAllLines(Path.Combine(backup, Backup.SumsName)).Length.ShouldBe(1 + source.Evidence.Count + 2);   // database + evidence + 2 packages

        var (connection, data) = await Databases.CreateAsync(provider);
        var restored = await FincloudAsync("admin", "restore", "--db", provider, "--connection", connection, "--data", data, "--from", backup);
        restored.ExitCode.ShouldBe(0, restored.Stdout + restored.Stderr);
        using var report = JsonDocument.Parse(restored.Stdout);
        report.RootElement.GetProperty("evidenceVerified").GetInt32().ShouldBe(source.Evidence.Count);
        report.RootElement.GetProperty("auditEvents").GetInt64().ShouldBe(source.Events);
        report.RootElement.GetProperty("auditChainsIntact").GetBoolean().ShouldBeTrue();

        // The app runs on the restored database, and every evidence file there hashes to what its row recorded.
        await using var again = FinCloudApp.Start(FinCloudApp.Describe(provider, connection, data));
        var store = again.Services.GetRequiredService<EvidenceStore>();
        var rows = await again.WithDbAsync(db => db.EvidenceFiles.AcrossTenants(AcrossTenantsReason.OperatorVerification).ToListAsync(Ct));
        rows.Select(r => r.Sha256).Order().ShouldBe(source.Evidence);
        foreach (var row in rows)
        {
            await using var file = store.Open(row.StorageKey);
            Convert.ToHexStringLower(await SHA256.HashDataAsync(file, Ct)).ShouldBe(row.Sha256);
        }

        (await again.WithDbAsync(db => db.Users.CountAsync(Ct))).ShouldBe(source.Users);
        (await again.WithDbAsync(db => AuditChain.VerifyOrganizationAsync(db, bank, Ct))).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_tampered_backup_is_refused_before_anything_is_restored()
    {
        await using var app = await FinCloudApp.StartAsync(Databases.Sqlite);
        await CloudUse.CloudUseResources.OfAsync(app, await app.CreateOrganizationAsync());
        var backup = Path.Combine(Directory.CreateTempSubdirectory("fincloud-backup-").FullName, "b");
        await Backup.CreateAsync(SettingsOf(Databases.Sqlite, app.ConnectionString, app.DataDirectory), backup, TimeProvider.System, Ct);

        // Never over a database that already holds data.
        var full = await FincloudAsync("admin", "restore", "--data", app.DataDirectory, "--from", backup);
        full.ExitCode.ShouldBe(2);
        full.Stderr.ShouldContain("target-not-empty");

        var evidence = Directory.EnumerateFiles(Path.Combine(backup, Backup.EvidenceFolder), "*", SearchOption.AllDirectories).First();
        await File.AppendAllTextAsync(evidence, "x", Ct);

        var (connection, data) = await Databases.CreateAsync(Databases.Sqlite);
        var error = await Should.ThrowAsync<InputErrorException>(() => Backup.RestoreAsync(SettingsOf(Databases.Sqlite, connection, data), backup, Ct));
        error.Code.ShouldBe("backup-corrupt");
        File.Exists(Path.Combine(data, "fincloud.db")).ShouldBeFalse();
        Directory.Exists(Path.Combine(data, Backup.EvidenceFolder)).ShouldBeFalse();
    }
}
