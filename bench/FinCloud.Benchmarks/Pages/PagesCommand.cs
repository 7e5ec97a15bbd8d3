using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace FinCloud.Benchmarks.Pages;

/// <summary>
/// <c>pages --url URL --email E --password P [--runs N]</c>: signs in to a running FinCloud and times the
/// server-side render of each main page (the full HTML response over loopback), printing p50, p95 and max.
/// scripts/bench-pages.sh starts the app on a volume demo database first.
/// </summary>
public static partial class PagesCommand
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("href=\"cloud-use/cases/([0-9a-f-]{36})\"")]
    private static partial Regex CaseLink();

    public static int Run(string[] args)
    {
        var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var url = new Uri(options.GetValueOrDefault("--url", "http://127.0.0.1:5080"));
        var runs = int.Parse(options.GetValueOrDefault("--runs", "30"), CultureInfo.InvariantCulture);
        var email = options.GetValueOrDefault("--email", "officer@hanbit.example");
        var password = options.GetValueOrDefault("--password") ?? throw new ArgumentException("--password is required");
        return RunAsync(url, email, password, runs).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(Uri url, string email, string password, int runs)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = url };
        var login = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(login).Groups[1].Value,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var signedIn = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            await Console.Error.WriteLineAsync($"sign-in failed: {(int)signedIn.StatusCode}");
            return 1;
        }

        var list = await client.GetStringAsync(new Uri("/cloud-use", UriKind.Relative));
        var firstCase = CaseLink().Match(list).Groups[1].Value;
        string[] pages =
        [
            "/", "/cloud-use", "/cloud-use/cases/" + firstCase, "/cloud-use/registry", "/cloud-use/committee",
            "/deadlines", "/admin/audit", "/separation-exemptions",
        ];

        Console.WriteLine($"{"page",-60} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"KB",6}");
        var failed = 0;
        foreach (var page in pages)
        {
            var times = new List<double>();
            long bytes = 0;
            for (var run = 0; run < runs + 3; run++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
                var body = await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    await Console.Error.WriteLineAsync($"{page}: HTTP {(int)response.StatusCode}");
                    failed++;
                    break;
                }

                bytes = body.Length;
                if (run >= 3)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds); // the first three warm the JIT and caches
                }
            }

            if (times.Count == 0)
            {
                continue;
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{page,-60} {Percentile(times, 0.50),8:F1} {Percentile(times, 0.95),8:F1} {times[^1],8:F1} {bytes / 1024,6}"));
        }

        return failed == 0 ? 0 : 1;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
