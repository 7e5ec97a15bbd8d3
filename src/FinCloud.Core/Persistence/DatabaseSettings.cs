namespace FinCloud.Core.Persistence;

public enum DatabaseProvider
{
    Sqlite = 0,
    Postgres = 1,
}

/// <summary>
/// Which database the web app and the CLI use. Both read the same keys: <c>Database:Provider</c>
/// (or <c>--db</c>) = <c>sqlite</c> | <c>postgres</c>, <c>ConnectionStrings:FinCloud</c>, <c>Data:Directory</c>.
/// Without settings: a SQLite file under the data folder.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string FileName = "fincloud.db";

    public static DatabaseSettings Resolve(string? provider, string? connectionString, string? dataDirectory)
    {
        var data = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDirectory) ? DefaultDataDirectory() : dataDirectory);
        var kind = provider?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            _ => throw new ArgumentException($"Unknown database provider '{provider}': use sqlite or postgres.", nameof(provider)),
        };
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new(kind, connectionString, data);
        }

        if (kind == DatabaseProvider.Postgres)
        {
            throw new ArgumentException(
                "PostgreSQL needs a connection string: set ConnectionStrings:FinCloud (e.g. ConnectionStrings__FinCloud=\"Host=127.0.0.1;Username=fincloud;Database=fincloud\").");
        }

        return new(kind, $"Data Source={Path.Combine(data, FileName)}", data);
    }

    /// <summary>
    /// <c>data/</c> at the repository root when run from a clone (so the web app and the CLI share one file),
    /// otherwise <c>data/</c> in the working directory.
    /// </summary>
    public static string DefaultDataDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FinCloud.slnx")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "data");
    }
}
