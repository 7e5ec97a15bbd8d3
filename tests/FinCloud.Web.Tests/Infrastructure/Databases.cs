namespace FinCloud.Web.Tests.Infrastructure;

/// <summary>
/// The providers integration tests run on: SQLite always, PostgreSQL when <c>FINCLOUD_TEST_POSTGRES</c> names a server
/// (scripts/test.sh always starts one). Each app gets its own fresh database.
/// </summary>
public static class Databases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static string? PostgresServer => Environment.GetEnvironmentVariable("FINCLOUD_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (PostgresServer is not null)
            {
                data.Add(Postgres);
            }

            return data;
        }
    }

    /// <summary>A new empty database: a SQLite file in a new folder, or a new PostgreSQL database.</summary>
    public static async Task<(string ConnectionString, string DataDirectory)> CreateAsync(string provider)
    {
        var data = Directory.CreateTempSubdirectory("fincloud-test-").FullName;
        if (provider == Sqlite)
        {
            return ($"Data Source={Path.Combine(data, "fincloud.db")}", data);
        }

        var server = PostgresServer ?? throw new InvalidOperationException("FINCLOUD_TEST_POSTGRES is not set.");
        var name = "fincloud_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true };
        return (builder.ConnectionString, data);
    }
}
