using FinCloud.Core;
using FinCloud.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FinCloud.Migrations.Sqlite;

/// <summary>SQLite, the default: one file under the data folder.</summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));

    /// <summary>Creates the folder of the database file, so a fresh clone starts without set-up.</summary>
    public static void EnsureDirectory(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>Used by <c>dotnet ef</c> only.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<FinCloudDbContext>
{
    public FinCloudDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<FinCloudDbContext>)SqliteDatabase.Configure(new DbContextOptionsBuilder<FinCloudDbContext>(), "Data Source=design-time.db").Options,
            new TenantContext(), TimeProvider.System);
}
