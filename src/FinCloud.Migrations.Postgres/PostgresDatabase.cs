using FinCloud.Core;
using FinCloud.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace FinCloud.Migrations.Postgres;

/// <summary>PostgreSQL: chosen with <c>--db postgres</c> or <c>Database:Provider</c>, with a connection string.</summary>
public static class PostgresDatabase
{
    /// <summary>Arbitrary but fixed: every FinCloud instance takes this advisory lock to migrate and seed.</summary>
    private const long StartupLockKey = 0x46696E436C6F7564; // "FinCloud"

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name));

    /// <summary>
    /// Runs <paramref name="work"/> (migrate, then seed) while holding a session advisory lock on its own
    /// connection, so two instances starting together take turns and the second finds the work done.
    /// </summary>
    public static async Task RunExclusiveAsync(string connectionString, Func<Task> work, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", connection))
        {
            await take.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await work();
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}

/// <summary>Used by <c>dotnet ef</c> only; it never connects.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<FinCloudDbContext>
{
    public FinCloudDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<FinCloudDbContext>)PostgresDatabase.Configure(new DbContextOptionsBuilder<FinCloudDbContext>(), "Host=localhost;Database=fincloud_design;Username=postgres").Options,
            new TenantContext(), TimeProvider.System);
}
