using System.Text.Json;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Cli.Tests.Audit;

public sealed class AuditVerifyTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fincloud-cli-").FullName;

    private FinCloudDbContext Open(Guid? organization = null) => TestDatabase.Open(_data, organization);

    /// <summary>A migrated database with one bank whose chain holds <paramref name="events"/> events.</summary>
    private async Task<Guid> SeedAsync(int events)
    {
        Guid id;
        await using (var db = Open())
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            var bank = Organization.FinancialInstitution("한빛은행", "Hanbit Bank", InstitutionSector.Bank, TimeProvider.System.GetUtcNow());
            db.Organizations.Add(bank);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            id = bank.Id;
        }

        for (var i = 0; i < events; i++)
        {
            await using var db = Open(id);
            db.Audit(AuditEventType.ApiKeyCreated, "ApiKey", Guid.NewGuid(), after: "role=Auditor");
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        return id;
    }

    [Fact]
    public async Task An_intact_chain_verifies_with_exit_code_0()
    {
        await SeedAsync(4);
        var result = await Fincloud.RunAsync("audit", "verify", "--data", _data);
        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("intact").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("organizations")[0].GetProperty("verifiedEvents").GetInt64().ShouldBe(4);
    }

    [Fact]
    public async Task An_edited_event_exits_3_and_names_the_first_broken_link()
    {
        var bank = await SeedAsync(5);
        await using (var db = Open(bank))
        {
            await db.AuditEvents.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.After, "role=Administrator"), TestContext.Current.CancellationToken);
        }

        var result = await Fincloud.RunAsync("audit", "verify", "--data", _data);
        result.ExitCode.ShouldBe(AuditVerifyExit.Broken, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var link = json.RootElement.GetProperty("organizations")[0].GetProperty("firstBrokenLink");
        link.GetProperty("sequence").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task A_missing_database_is_bad_input_and_is_not_created()
    {
        var result = await Fincloud.RunAsync("audit", "verify", "--data", Path.Combine(_data, "nowhere"));
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("no-database");
        File.Exists(Path.Combine(_data, "nowhere", "fincloud.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Help_lists_the_audit_group()
    {
        var result = await Fincloud.RunAsync("--help");
        result.Stdout.ShouldContain("audit");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}

internal static class AuditVerifyExit
{
    public const int Broken = 3;
}
