using System.Diagnostics;
using System.Globalization;
using System.Text;
using FinCloud.Scanner.Corpus;

namespace FinCloud.Benchmarks.Scanner;

/// <summary>
/// <c>scanner-e2e [--mb N] [--big-gb N] [--runs N] [--cli PATH]</c> (PATH: a build's <c>fincloud.dll</c>, or the
/// published <c>fincloud</c> executable as it ships): generates a digit-dense CSV corpus and a Korean
/// prose corpus under a temp folder, times <c>fincloud scan</c> end to end on each (stdout to /dev/null), times
/// ripgrep with one combined regex of the same shapes on the same files, and scans one big file for peak memory.
/// </summary>
public static class EndToEndCommand
{
    /// <summary>
    /// One regex for the shapes the scanner looks for, without its checks, context or overlap rules: Unicode
    /// <c>\d</c> and <c>\b</c>, so full-width digits match as they do for the scanner.
    /// </summary>
    public const string CombinedRegex =
        @"\b\d{6}[- .]?\d{7}\b|\b\d{4}([- .]?\d{4}){3}\b|\b\d{4}[- ]?\d{6}[- ]?\d{5}\b|\b\d{3}[- .]?\d{2}[- .]?\d{5}\b" +
        @"|\b0\d{1,2}[- .]?\d{3,4}[- .]?\d{4}\b|\b\d{2}[- .]?\d{2}[- .]?\d{6}[- .]?\d{2}\b|\b[DGMORS]\d{3}[A-Z0-9]\d{4}\b" +
        @"|\b\d{2,8}(-\d{2,8}){1,3}\b|\b\d{10,14}\b|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}";

    /// <summary>The same shapes with ASCII digits and ASCII word boundaries: ripgrep's fastest honest reading.</summary>
    public static string AsciiRegex => CombinedRegex.Replace(@"\b", "(?-u:\\b)", StringComparison.Ordinal).Replace(@"\d", "[0-9]", StringComparison.Ordinal);

    public static int Run(string[] args)
    {
        var mb = Option(args, "--mb", 1024);
        var bigGb = Option(args, "--big-gb", 5);
        var runs = Option(args, "--runs", 3);
        var unicodeMb = Option(args, "--rg-unicode-mb", 64);
        var cli = OptionText(args, "--cli") ?? FindCli();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var work = Path.Combine(Path.GetTempPath(), "fincloud-scanner-bench");
        Directory.CreateDirectory(work);
        Console.WriteLine($"CLI: {cli}; corpora under {work}; {Environment.ProcessorCount} processors");

        var csv = Path.Combine(work, "csv");
        var prose = Path.Combine(work, "prose");
        EnsureCorpus(csv, mb, seed => new KoreanCorpus(seed, Today).Customers("customers.csv", 20_000), seed => new KoreanCorpus(seed, Today).Transactions("transactions.csv", 20_000));
        EnsureCorpus(prose, mb, seed => new KoreanCorpus(seed, Today).Chat("chat.txt", 20_000, fillerWeight: 21 * 40), seed => new KoreanCorpus(seed, Today).Chat("memo.txt", 20_000, fillerWeight: 21 * 40));

        var results = new List<string>();
        foreach (var (label, folder) in new[] { ("digit-dense CSV", csv), ("Korean prose", prose) })
        {
            var bytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
            Warm(folder);
            var scan = Best(runs, () => Time(cli, ["scan", folder, "--format", "jsonl", "--no-progress"]));
            // The Unicode reading is far slower on Korean text: time it once on a slice and quote MB/s.
            var slice = Slice(folder, unicodeMb);
            var sliceBytes = Directory.EnumerateFiles(slice).Sum(f => new FileInfo(f).Length);
            var rgUnicode = Time("rg", ["-n", "-o", "--no-heading", "-e", CombinedRegex, slice]);
            var rg = new Timing(rgUnicode.Seconds * bytes / sliceBytes, rgUnicode.PeakMiB, rgUnicode.CpuSeconds * bytes / sliceBytes);
            var rgAscii = Best(runs, () => Time("rg", ["-n", "-o", "--no-heading", "-e", AsciiRegex, folder]));
            results.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {bytes / 1e6:F0} MB | {bytes / scan.Seconds / 1e6:F0} MB/s ({bytes / scan.CpuSeconds / 1e6:F0} MB per CPU-s) | {bytes / rg.Seconds / 1e6:F0} MB/s ({rg.Seconds / scan.Seconds:F2}×; CPU {rg.CpuSeconds / scan.CpuSeconds:F2}×) | {bytes / rgAscii.Seconds / 1e6:F0} MB/s ({rgAscii.Seconds / scan.Seconds:F2}×; CPU {rgAscii.CpuSeconds / scan.CpuSeconds:F2}×) | {scan.PeakMiB} MiB |"));
            Console.WriteLine(results[^1]);
        }

        if (bigGb > 0)
        {
            var big = Path.Combine(work, $"big-{bigGb}gb.csv");
            EnsureBigFile(big, Path.Combine(csv, "customers.csv"), (long)bigGb << 30);
            Warm(Path.GetDirectoryName(big)!, big);
            var scan = Time(cli, ["scan", big, "--format", "jsonl", "--no-progress"]);
            var bytes = new FileInfo(big).Length;
            results.Add(string.Create(CultureInfo.InvariantCulture,
                $"| one {bytes / 1e9:F1} GB CSV file | {bytes / 1e6:F0} MB | {bytes / scan.Seconds / 1e6:F0} MB/s ({bytes / scan.CpuSeconds / 1e6:F0} MB per CPU-s) | – | – | {scan.PeakMiB} MiB |"));
            Console.WriteLine(results[^1]);
        }

        Console.WriteLine();
        Console.WriteLine($"load average (1 min) at the start: {load}, at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("| corpus | size | fincloud scan (jsonl to /dev/null) | ripgrep, Unicode regex (rg time / fincloud time) | ripgrep, ASCII regex (same ratios) | fincloud peak memory |");
        Console.WriteLine("|---|---|---|---|---|---|");
        results.ForEach(Console.WriteLine);
        return 0;
    }

    private static readonly DateOnly Today = new(2026, 11, 27);

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string FindCli()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "FinCloud.slnx")))
        {
            folder = folder.Parent;
        }

        var root = folder?.FullName ?? throw new InvalidOperationException("run from the repository, or pass --cli");
        return Path.Combine(root, "artifacts", "bin", "FinCloud.Cli", "release", "fincloud.dll");
    }

    /// <summary>
    /// Two files of about <paramref name="mb"/>/2 MB each: generated blocks (different seeds) up to 32 MB, then
    /// those blocks again, so a gigabyte corpus does not take longer to make than to scan.
    /// </summary>
    private static void EnsureCorpus(string folder, int mb, Func<int, GeneratedFile> first, Func<int, GeneratedFile> second)
    {
        Directory.CreateDirectory(folder);
        foreach (var (make, index) in new[] { (first, 0), (second, 1) })
        {
            var sample = make(index);
            var path = Path.Combine(folder, sample.Name);
            var target = (long)mb << 19;
            if (File.Exists(path) && new FileInfo(path).Length >= target)
            {
                continue;
            }

            var csv = path.EndsWith(".csv", StringComparison.Ordinal);
            var blocks = new List<byte[]>();
            long unique = 0;
            for (var seed = index; unique < Math.Min(target, 32L << 20); seed += 2)
            {
                var block = seed == index ? sample : make(seed);
                var bytes = Encoding.UTF8.GetBytes(string.Join('\n', csv ? block.Lines.Skip(1) : block.Lines) + "\n");
                blocks.Add(bytes);
                unique += bytes.Length;
            }

            using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            if (csv)
            {
                output.Write(Encoding.UTF8.GetBytes(sample.Lines[0] + "\n"));
            }

            for (var i = 0; output.Length < target; i++)
            {
                output.Write(blocks[i % blocks.Count]);
            }
        }
    }

    private static void EnsureBigFile(string path, string source, long size)
    {
        if (File.Exists(path) && new FileInfo(path).Length >= size)
        {
            return;
        }

        var block = File.ReadAllBytes(source);
        using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var first = true;
        while (output.Length < size)
        {
            var start = first ? 0 : Array.IndexOf(block, (byte)'\n') + 1;
            output.Write(block, start, block.Length - start);
            first = false;
        }
    }

    /// <summary>The first <paramref name="mb"/> MB (whole lines) of each file of a corpus, in a sibling folder.</summary>
    private static string Slice(string folder, int mb)
    {
        var slice = folder + $"-slice-{mb}mb";
        Directory.CreateDirectory(slice);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var target = Path.Combine(slice, Path.GetFileName(file));
            if (File.Exists(target))
            {
                continue;
            }

            using var input = File.OpenRead(file);
            var buffer = new byte[Math.Min(input.Length, (long)mb << 19)];
            input.ReadExactly(buffer);
            var end = Array.LastIndexOf(buffer, (byte)'\n') + 1;
            File.WriteAllBytes(target, buffer[..end]);
        }

        Warm(slice);
        return slice;
    }

    /// <summary>Reads the files once so every timed run starts from the page cache.</summary>
    private static void Warm(string folder, string? only = null)
    {
        var buffer = new byte[1 << 20];
        foreach (var file in only is null ? Directory.EnumerateFiles(folder) : [only])
        {
            using var stream = File.OpenRead(file);
            while (stream.Read(buffer) > 0)
            {
            }
        }
    }

    private sealed record Timing(double Seconds, long PeakMiB, double CpuSeconds);

    private static Timing Best(int runs, Func<Timing> run) =>
        Enumerable.Range(0, runs).Select(_ => run()).OrderBy(t => t.Seconds).First();

    /// <summary>Runs a program with stdout to /dev/null under /usr/bin/time for its peak resident memory.</summary>
    /// <remarks>A <c>.dll</c> is a build output, run with <c>dotnet</c>; anything else is an executable such as the
    /// published self-contained image.</remarks>
    private static Timing Time(string program, string[] arguments)
    {
        if (program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            arguments = [program, .. arguments];
            program = "dotnet";
        }

        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("%e %M %U %S");
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(report);
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" > /dev/null");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using (var process = Process.Start(start)!)
        {
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode is not (0 or 1 or 3))
            {
                throw new InvalidOperationException($"{program} exited {process.ExitCode}: {stderr}");
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var fields = File.ReadAllText(report).Trim().Split('\n')[^1].Split(' ');
        File.Delete(report);
        return new Timing(seconds, long.Parse(fields[1], CultureInfo.InvariantCulture) / 1024,
            double.Parse(fields[2], CultureInfo.InvariantCulture) + double.Parse(fields[3], CultureInfo.InvariantCulture));
    }
}
