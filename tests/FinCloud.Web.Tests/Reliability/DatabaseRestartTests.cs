using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using FinCloud.Core.Identity;
using FinCloud.Web.Tests.Infrastructure;

namespace FinCloud.Web.Tests.Reliability;

/// <summary>
/// PostgreSQL restarted under load: requests fail cleanly (503 ProblemDetails with Retry-After, never 500) while it is
/// down, and succeed again by themselves once it is back. Runs on a cluster of its own, not the shared test server.
/// </summary>
public sealed class DatabaseRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>PostgreSQL server binaries, present where scripts/test.sh installed them (it also sets FINCLOUD_TEST_POSTGRES).</summary>
    public static TheoryData<string> PostgresAvailable =>
        Databases.PostgresServer is not null && PgBin() is not null ? new TheoryData<string> { Databases.Postgres } : [];

    private static string? PgBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.UserName == "root" ? "runuser" : file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Environment.UserName == "root")
        {
            // initdb refuses root: the cluster runs as the postgres system user, as in scripts/postgres.sh.
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        process.ExitCode.ShouldBe(0, $"{Path.GetFileName(file)}: {await stdout} {await stderr}");
    }

    [Theory(SkipTestWithoutData = true)]
    [MemberData(nameof(PostgresAvailable))]
    public async Task Requests_fail_cleanly_while_postgres_restarts_and_recover_without_an_app_restart(string provider)
    {
        var bin = PgBin()!;
        var folder = Directory.CreateTempSubdirectory("fincloud-pg-restart-").FullName;
        if (Environment.UserName == "root")
        {
            await RunAsyncRoot("chown", "postgres", folder);
        }

        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var cluster = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), "-D", cluster, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8");
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off";
        await RunAsync(Path.Combine(bin, "pg_ctl"), "-D", cluster, "-l", Path.Combine(folder, "log"), "-w", "-o", options, "start");
        var data = Directory.CreateTempSubdirectory("fincloud-test-").FullName;
        try
        {
            var server = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
            await using (var connection = new Npgsql.NpgsqlConnection(server))
            {
                await connection.OpenAsync(Ct);
                await using var create = new Npgsql.NpgsqlCommand("CREATE DATABASE fincloud", connection);
                await create.ExecuteNonQueryAsync(Ct);
            }

            // Four unpaced readers on one key outrun the API's rate limit on a fast machine; this test is about the database.
            var unlimited = new Dictionary<string, string> { ["RateLimits:ApiPerKeyPerMinute"] = "1000000", ["RateLimits:ApiPerOrganizationPerMinute"] = "1000000" };
            await using var app = FinCloudApp.Start(FinCloudApp.Describe(provider, $"Host=127.0.0.1;Port={port};Username=postgres;Database=fincloud", data, unlimited));
            var (_, key) = await app.CreateApiKeyAsync(await app.BankAsync(), OrganizationRole.Auditor);
            var results = new ConcurrentQueue<(TimeSpan At, HttpStatusCode Status, string? ContentType, bool RetryAfter)>();
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var paths = new[] { "/api/cloud-use/cases", "/api/deadlines", "/api/organization", "/api/separation/exemptions" };
            var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                using var client = app.ApiClient(key);
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    using var response = await client.GetAsync(new Uri(paths[(i + w) % paths.Length], UriKind.Relative), Ct);
                    results.Enqueue((clock.Elapsed, response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter is not null));
                }
            }, Ct)).ToList();

            await Task.Delay(2000, Ct);
            var restartAt = clock.Elapsed;
            // Stop, stay down a moment (a failover takes seconds), start again.
            await RunAsync(Path.Combine(bin, "pg_ctl"), "-D", cluster, "-m", "fast", "-w", "stop");
            // Down for at least 1.5 s and until a few requests have met the outage: on a busy machine the readers can
            // be descheduled for the whole of a fixed window, and the test would then have seen nothing.
            var downSince = clock.Elapsed;
            while (clock.Elapsed - downSince < TimeSpan.FromSeconds(1.5) ||
                   (results.Count(r => r.At > downSince && r.Status == HttpStatusCode.ServiceUnavailable) < 3 && clock.Elapsed - downSince < TimeSpan.FromSeconds(30)))
            {
                await Task.Delay(100, Ct);
            }

            await RunAsync(Path.Combine(bin, "pg_ctl"), "-D", cluster, "-l", Path.Combine(folder, "log"), "-w", "-o", options, "start");
            var backAt = clock.Elapsed;
            await Task.Delay(5000, Ct);
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            var all = results.ToList();
            all.Where(r => r.Status is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)).ShouldBeEmpty("only successes or clean 503s");
            var unavailable = all.Where(r => r.Status == HttpStatusCode.ServiceUnavailable).ToList();
            unavailable.ShouldNotBeEmpty("requests reached the app while the database was down");
            unavailable.ShouldAllBe(r => r.ContentType == "application/problem+json" && r.RetryAfter);
            var settled = all.Where(r => r.At > backAt + TimeSpan.FromSeconds(2)).ToList();
            settled.ShouldNotBeEmpty();
            settled.ShouldAllBe(r => r.Status == HttpStatusCode.OK, "recovered without restarting the app");
            Figures.Record($"postgres restart: {all.Count} requests, {all.Count(r => r.Status == HttpStatusCode.OK)} ok, {unavailable.Count} clean 503, " +
                $"0 other; down {(backAt - restartAt).TotalSeconds:F1} s; first ok after restart at +{((all.Where(r => r.At > backAt && r.Status == HttpStatusCode.OK).Select(r => r.At).DefaultIfEmpty(backAt).Min()) - backAt).TotalMilliseconds:F0} ms");
        }
        finally
        {
            await RunAsync(Path.Combine(bin, "pg_ctl"), "-D", cluster, "-m", "immediate", "stop");
            Npgsql.NpgsqlConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task RunAsyncRoot(string file, params string[] args)
    {
        using var process = Process.Start(file, args);
        await process.WaitForExitAsync(Ct);
    }
}
