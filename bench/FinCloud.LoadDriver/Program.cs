using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using FinCloud.Core;
using FinCloud.Core.ApiAccess;
using FinCloud.Core.Audit;
using FinCloud.Core.Identity;
using FinCloud.Core.Organizations;
using FinCloud.Core.Tenancy;
using FinCloud.Migrations.Postgres;
using Microsoft.EntityFrameworkCore;

// A small closed-loop load driver for the web API over loopback: seeds N institutions with an API key each
// directly in PostgreSQL, then keeps C requests in flight for D seconds against the main read endpoints and
// then a write endpoint, and prints throughput, p50/p95/p99 latency and errors as a Markdown table.
// Usage: FinCloud.LoadDriver --url http://127.0.0.1:5080 --connection "Host=...;Database=..." [--institutions 50] [--seconds 20] [--concurrency 32] [--reads /api/a,/api/b]
var options = ParseArgs(args);
var baseUrl = new Uri(options["url"]);
var institutions = int.Parse(options.GetValueOrDefault("institutions", "50"), CultureInfo.InvariantCulture);
var seconds = int.Parse(options.GetValueOrDefault("seconds", "20"), CultureInfo.InvariantCulture);
var concurrency = int.Parse(options.GetValueOrDefault("concurrency", "32"), CultureInfo.InvariantCulture);

var keys = await SeedAsync(options["connection"], institutions);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = baseUrl,
    Timeout = TimeSpan.FromSeconds(30),
};

// `--reads /api/deadlines,/api/organization` times chosen endpoints alone (to find the costly one).
string[] reads = options.TryGetValue("reads", out var chosen)
    ? chosen.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
    : ["/api/cloud-use/cases", "/api/organization", "/api/deadlines", "/api/separation/exemptions", "/api/cloud-use/csp/providers"];
// Each institution gets a few registered providers first, so the lists are not empty.
await RunAsync("warm-up writes", 4, keys.Count * 3, (i, _) => Post(keys[i % keys.Count], i));
await RunAsync("warm-up reads", 4, keys.Count * reads.Length, (i, _) => Get(keys[i % keys.Count], reads[i % reads.Length]));

var results = new List<string>
{
    "| phase | requests | errors | req/s | p50 ms | p95 ms | p99 ms |",
    "|---|---:|---:|---:|---:|---:|---:|",
};
results.Add(await RunForAsync($"reads ({string.Join(", ", reads)})", concurrency, seconds, i => Get(keys[i % keys.Count], reads[(i / keys.Count) % reads.Length])));
results.Add(await RunForAsync("writes (POST /api/cloud-use/csp/providers, audited)", concurrency, Math.Max(5, seconds / 2), i => Post(keys[i % keys.Count], i)));
Console.WriteLine();
Console.WriteLine($"{institutions} institutions, {concurrency} requests in flight, {Environment.ProcessorCount} cores, {TimeProvider.System.GetUtcNow():u}");
foreach (var line in results)
{
    Console.WriteLine(line);
}

return 0;

async Task<bool> Get(string key, string path)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, path);
    request.Headers.Authorization = new("Bearer", key);
    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    await response.Content.CopyToAsync(Stream.Null);
    return response.IsSuccessStatusCode;
}

async Task<bool> Post(string key, int i)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cloud-use/csp/providers")
    {
        Content = JsonContent.Create(new { name = $"부하 클라우드 {Guid.NewGuid():N}" }),
    };
    request.Headers.Authorization = new("Bearer", key);
    using var response = await http.SendAsync(request);
    await response.Content.CopyToAsync(Stream.Null);
    return response.IsSuccessStatusCode;
}

static async Task RunAsync(string name, int workers, int count, Func<int, int, Task<bool>> call)
{
    var next = -1;
    var failed = 0;
    await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            if (!await call(i, w))
            {
                Interlocked.Increment(ref failed);
            }
        }
    }));
    Console.WriteLine($"{name}: {count} requests, {failed} errors");
}

static async Task<string> RunForAsync(string name, int workers, int seconds, Func<int, Task<bool>> call)
{
    var next = -1;
    var errors = 0;
    var latencies = new List<double>[workers];
    var clock = Stopwatch.StartNew();
    var end = TimeSpan.FromSeconds(seconds);
    await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
    {
        var mine = latencies[w] = new List<double>(100_000);
        while (clock.Elapsed < end)
        {
            var i = Interlocked.Increment(ref next);
            var started = Stopwatch.GetTimestamp();
            bool ok;
            try
            {
                ok = await call(i);
            }
            catch (HttpRequestException)
            {
                ok = false;
            }

            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!ok)
            {
                Interlocked.Increment(ref errors);
            }
        }
    }));
    var elapsed = clock.Elapsed.TotalSeconds;
    var all = latencies.SelectMany(l => l).Order().ToArray();
    double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
    var line = string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {all.Length} | {errors} | {all.Length / elapsed:F0} | {P(0.50):F1} | {P(0.95):F1} | {P(0.99):F1} |");
    Console.WriteLine(line);
    return line;
}

static async Task<List<string>> SeedAsync(string connectionString, int institutions)
{
    var options = new DbContextOptionsBuilder<FinCloudDbContext>();
    PostgresDatabase.Configure(options, connectionString);
    var keys = new List<string>();
    for (var i = 1; i <= institutions; i++)
    {
        await using var db = new FinCloudDbContext(options.Options, new TenantContext(), TimeProvider.System);
        var org = Organization.FinancialInstitution($"부하시험은행 {i:D2}", $"Load Test Bank {i:D2}", InstitutionSector.Bank, db.Clock.GetUtcNow());
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        await using var scoped = new FinCloudDbContext(options.Options, new TenantContext(), TimeProvider.System);
        scoped.Tenant.Enter(org.Id, null, ActorKind.System);
        var (key, secret) = ApiKey.Create("load test", OrganizationRole.Officer, scoped.Clock.GetUtcNow());
        scoped.ApiKeys.Add(key);
        scoped.Audit(AuditEventType.ApiKeyCreated, nameof(ApiKey), key.Id);
        await scoped.SaveChangesAsync();
        keys.Add(secret);
    }

    Console.WriteLine($"seeded {institutions} institutions with one API key each");
    return keys;
}

static Dictionary<string, string> ParseArgs(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        result[args[i].TrimStart('-')] = args[i + 1];
    }

    return result;
}
