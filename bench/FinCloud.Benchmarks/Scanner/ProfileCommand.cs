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
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            long count = 0;
            for (var i = 1; i < lines.Length; i++)
            {
                found.Clear();
                detector.Detect(lines[i], header, found);
                count += found.Count;
            }

            Console.WriteLine($"line detector: {bytes / clock.Elapsed.TotalSeconds / 1e6:F0} MB/s, {count} findings");
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

        for (var round = 0; round < 2; round++)
        {
            var clock = Stopwatch.StartNew();
            long count = 0;
            var summary = new DataScanner(new ScanOptions { Today = new DateOnly(2026, 11, 27) })
                .ScanAsync([ScanInput.FromPath(path)], _ => count++).GetAwaiter().GetResult();
            Console.WriteLine($"library: {bytes / clock.Elapsed.TotalSeconds / 1e6:F0} MB/s, {count} findings");
            _ = summary;
        }

        return 0;
    }
}
