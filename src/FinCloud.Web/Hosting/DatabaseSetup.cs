using FinCloud.Core;
using FinCloud.Core.Persistence;
using FinCloud.Migrations.Postgres;
using FinCloud.Migrations.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Hosting;

/// <summary>Picks the provider from configuration and brings the database up to date at start-up.</summary>
public static class DatabaseSetup
{
    public static DatabaseSettings ReadSettings(IConfiguration configuration) =>
        DatabaseSettings.Resolve(
            configuration["db"] ?? configuration["Database:Provider"],
            configuration.GetConnectionString("FinCloud"),
            configuration["Data:Directory"]);

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => SqliteDatabase.Configure(builder, settings.ConnectionString),
        DatabaseProvider.Postgres => PostgresDatabase.Configure(builder, settings.ConnectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider."),
    };

    public static IServiceCollection AddFinCloudDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddDbContext<FinCloudDbContext>(o => Configure(o, settings));
        return services;
    }

    /// <summary>
    /// Applies migrations, then seeds demo data once. On PostgreSQL both run under an advisory lock so that
    /// instances starting together take turns; on SQLite a lock file beside the database does the same.
    /// </summary>
    public static async Task<IReadOnlyList<(DemoData.DemoUser User, string Password)>> PrepareDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            SqliteDatabase.EnsureDirectory(settings.ConnectionString);
        }

        IReadOnlyList<(DemoData.DemoUser, string)> created = [];
        Func<Task> work = async () => created = await MigrateAndSeedAsync(app.Services, ct);
        await (settings.Provider == DatabaseProvider.Sqlite
            ? SqliteStartupLock.RunExclusiveAsync(settings.ConnectionString, work, ct)
            : PostgresDatabase.RunExclusiveAsync(settings.ConnectionString, work, ct));
        return created;
    }

    private static async Task<IReadOnlyList<(DemoData.DemoUser, string)>> MigrateAndSeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FinCloudDbContext>().Database.MigrateAsync(ct);
        }

        return await DemoData.SeedAsync(services, ct);
    }
}
