using System.Diagnostics;
using System.Text;
using FinCloud.Scanner;
using FinCloud.Scanner.Detection;

namespace FinCloud.Benchmarks.Scanner;

/// <summary><c>scanner-profile FILE</c>: times the stages of one scan in-process (line detection, then the whole library).</summary>
public static class ProfileCommand
{
    public static int Run(string[] args)
    {
        var path = args[0];
        var lines = File.ReadAllLines(path);
        var bytes = new FileInfo(path).Length;
        var header = HeaderContext.DelimiterFor(path) is { } d ? HeaderContext.Parse(lines[0], d) : null;
        var detector = new LineDetector(new DateOnly(2026, 11, 27));
        var found = new List<Detected>();
        if (args.Length > 1 && args[1] == "--dump")
        {
            for (var i = 0; i < lines.Length; i++)
            {
                found.Clear();
                detector.Detect(lines[i], i == 0 ? null : header, found);
                foreach (var f in found)
                {
                    Console.WriteLine($"{i + 1} {f.Type}");
                }
            }

            return 0;
        }

        for (var round = 0; round < 3; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long count = 0;
            for (var i = 1; i < lines.Length; i++)
            {
                found.Clear();
                detector.Detect(lines[i], header, found);
                count += found.Count;
            }

            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"line detector: {bytes / cpuSeconds / 1e6:F0} MB per CPU-second, {count} findings");
        }

        for (var round = 0; round < 2; round++)
        {
            var clock = Stopwatch.StartNew();
            long count = 0;
            for (var i = 1; i < lines.Length; i++)
            {
                found.Clear();
                detector.Detect(lines[i], header, found);
                foreach (var f in found)
                {
                    count += NormalizedValue.Sha256(lines[i].AsSpan(f.Start, f.Length), f.Type).Length;
                }
            }

            Console.WriteLine($"detector + hash: {bytes / clock.Elapsed.TotalSeconds / 1e6:F0} MB/s, {count}");
        }

        foreach (var (label, options) in new[]
        {
            ("library, no findings kept", new ScanOptions { Today = new DateOnly(2026, 11, 27), Types = new HashSet<IdentifierType> { IdentifierType.Passport } }),
            ("library, one thread", new ScanOptions { Today = new DateOnly(2026, 11, 27), MaskValues = false, MaxDegreeOfParallelism = 1 }),
            ("library", new ScanOptions { Today = new DateOnly(2026, 11, 27), MaskValues = false }),
        })
        {
            for (var round = 0; round < 3; round++)
            {
                var clock = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                long count = 0;
                new DataScanner(options).ScanAsync([ScanInput.FromPath(path)], _ => count++).GetAwaiter().GetResult();
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine($"{label}: {bytes / clock.Elapsed.TotalSeconds / 1e6:F0} MB/s wall, {bytes / cpuSeconds / 1e6:F0} MB per CPU-second, {count} findings");
            }
        }

        return 0;
    }
}
