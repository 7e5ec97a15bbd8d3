using FinCloud.Core;
using FinCloud.Core.Tenancy;
using FinCloud.Migrations.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Cli.Tests;

/// <summary>The web app's SQLite database in a test's data folder, as the CLI finds it with <c>--data</c>.</summary>
public static class TestDatabase
{
    /// <summary>A context on <c>{data}/fincloud.db</c>, inside <paramref name="organization"/> when given.</summary>
    public static FinCloudDbContext Open(string data, Guid? organization = null)
    {
        var options = new DbContextOptionsBuilder<FinCloudDbContext>();
        SqliteDatabase.Configure(options, $"Data Source={Path.Combine(data, "fincloud.db")};Pooling=false");
        var tenant = new TenantContext();
        if (organization is { } id)
        {
            tenant.Enter(id, null, ActorKind.System);
        }

        return new FinCloudDbContext(options.Options, tenant, TimeProvider.System);
    }
}
