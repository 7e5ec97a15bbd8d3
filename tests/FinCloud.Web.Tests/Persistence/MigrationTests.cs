using FinCloud.Core;
using FinCloud.Core.Tenancy;
using FinCloud.Migrations.Postgres;
using FinCloud.Migrations.Sqlite;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Persistence;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(Databases.Sqlite)]
    [InlineData(Databases.Postgres)]
    public void Each_provider_has_no_pending_model_changes(string provider)
    {
        // Compares the model with the provider's migration snapshot; no server is needed.
        var options = new DbContextOptionsBuilder<FinCloudDbContext>();
        _ = provider == Databases.Sqlite
            ? SqliteDatabase.Configure(options, "Data Source=unused.db")
            : PostgresDatabase.Configure(options, "Host=localhost;Database=unused");
        using var db = new FinCloudDbContext(options.Options, new TenantContext(), TimeProvider.System);
        db.Database.HasPendingModelChanges().ShouldBeFalse($"run scripts/add-migration.sh: {provider} migrations are behind the model");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_second_start_keeps_the_data_and_seeds_nothing_new(string provider)
    {
        await using var first = await FinCloudApp.StartAsync(provider);
        var bank = await first.BankAsync();
        var events = await first.WithDbAsync(db => db.AuditEvents.CountAsync(), bank);

        await using (var restarted = FinCloudApp.Start(first, demoPassword: "Different1!pass"))
        {
            (await restarted.WithDbAsync(db => db.Organizations.CountAsync())).ShouldBe(4);
            (await restarted.BankAsync()).ShouldBe(bank);
            (await restarted.WithDbAsync(db => db.AuditEvents.CountAsync(), bank)).ShouldBe(events);
            (await restarted.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(11);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Two_instances_starting_together_on_one_database_migrate_and_seed_once(string provider)
    {
        var (connectionString, data) = await Databases.CreateAsync(provider);
        // Two instances on a brand-new database, started at the same moment.
        await using var template = FinCloudApp.Describe(provider, connectionString, data);
        var starts = Enumerable.Range(0, 2).Select(_ => Task.Run(() => FinCloudApp.Start(template))).ToArray();
        var apps = await Task.WhenAll(starts);
        try
        {
            (await apps[0].WithDbAsync(db => db.Organizations.CountAsync())).ShouldBe(4);
            (await apps[1].WithDbAsync(db => db.Users.CountAsync())).ShouldBe(11);
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }
    }
}
