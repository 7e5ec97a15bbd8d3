using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace FinCloud.Benchmarks.Rules;

/// <summary>
/// <c>fincloud rules evaluate</c> end to end as a new process each time (target: under 150 ms). Point
/// <c>FINCLOUD_CLI</c> at the published binary (<c>scripts/bench-rules.sh</c> publishes it with ReadyToRun);
/// without it the benchmark runs the debug build through <c>dotnet</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 20)]
[MedianColumn]
public class CliColdStartBenchmarks
{
    private string _cli = string.Empty;
    private string _scenario = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRepositoryRoot();
        _cli = Environment.GetEnvironmentVariable("FINCLOUD_CLI") ?? Path.Combine(root, "artifacts", "bin", "FinCloud.Cli", "debug", "fincloud");
        _scenario = Path.Combine(root, "tests", "FinCloud.Cli.Tests", "Fixtures", "cloud-use", "cloud-use-events-2024.scenario.json");
    }

    [Benchmark]
    public int RulesEvaluate()
    {
        var start = new ProcessStartInfo(_cli) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("rules");
        start.ArgumentList.Add("evaluate");
        start.ArgumentList.Add("--input");
        start.ArgumentList.Add(_scenario);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"fincloud exited with {process.ExitCode}");
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FinCloud.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
