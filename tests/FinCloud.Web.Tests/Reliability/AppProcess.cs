using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FinCloud.Web.Tests.Reliability;

/// <summary>The web app as a real operating-system process on a loopback port, so a test can kill it outright (SIGKILL).</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<AppProcess> StartAsync(string provider, string connectionString, string dataDirectory, CancellationToken ct)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FinCloud.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__FinCloud"] = connectionString;
        start.Environment["Data__Directory"] = dataDirectory;
        start.Environment["Demo__Banner"] = "false";
        start.Environment["Demo__Activity"] = "false";
        start.Environment["Jobs__Enabled"] = "false";
        start.Environment["RateLimits__ApiPerKeyPerMinute"] = "1000000";
        start.Environment["RateLimits__ApiPerOrganizationPerMinute"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Error";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(10) };
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative), ct)).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // listening but not answering yet: a cold start on a machine busy with other test processes
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting.");
            }

            await Task.Delay(250, ct);
        }

        await app.DisposeAsync();
        throw new TimeoutException("The app did not answer /health within a minute.");
    }

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as a power cut or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
