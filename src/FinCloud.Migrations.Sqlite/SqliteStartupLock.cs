namespace FinCloud.Migrations.Sqlite;

/// <summary>
/// Two processes starting on one SQLite file take turns to migrate and seed: an exclusive lock on a file beside
/// the database (an OS file lock, released if the process dies).
/// </summary>
public static class SqliteStartupLock
{
    public static async Task RunExclusiveAsync(string connectionString, Func<Task> work, CancellationToken ct)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            await work();
            return;
        }

        var lockPath = Path.GetFullPath(file) + ".startup-lock";
        FileStream? held = null;
        while (held is null)
        {
            try
            {
                held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(100, ct);
            }
        }

        await using (held)
        {
            await work();
        }
    }
}
