using System.Diagnostics;
using System.Globalization;
using FinCloud.Scanner;

namespace FinCloud.Cli.Scan;

/// <summary>Runs one <c>fincloud scan</c>: checks the input, streams findings to stdout, the summary to stderr.</summary>
internal static class ScanRunner
{
    public static async Task<int> RunAsync(ScanRequest request, Func<Stream> openStdout, Func<Stream> openStdin, TextWriter stderr, CancellationToken ct)
    {
        var inputs = new List<ScanInput>();
        var stdinUsed = false;
        foreach (var path in request.Paths)
        {
            if (path == "-")
            {
                if (stdinUsed)
                {
                    throw new InputErrorException("invalid-path", "standard input ('-') can be given only once", "PATH");
                }

                stdinUsed = true;
                inputs.Add(ScanInput.FromStream(request.StdinName, openStdin));
            }
            else if (File.Exists(path) || Directory.Exists(path))
            {
                inputs.Add(ScanInput.FromPath(path));
            }
            else
            {
                throw new InputErrorException("not-found", $"no such file or folder: {path}", "PATH");
            }
        }

        if (request.MaxFindings is < 0)
        {
            throw new InputErrorException("invalid-max-findings", "--max-findings must be 0 or more", "--max-findings");
        }

        if (request.Threads is < 1)
        {
            throw new InputErrorException("invalid-threads", "--threads must be 1 or more", "--threads");
        }

        foreach (var pattern in request.Include.Concat(request.Exclude))
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                throw new InputErrorException("invalid-glob", "an empty --include or --exclude pattern", "--include");
            }
        }

        var options = new ScanOptions
        {
            Today = request.Today,
            Types = request.Types,
            RevealValues = request.Reveal,
            MaskValues = request.Format != "jsonl",
            MaxFindings = request.MaxFindings,
            Include = request.Include,
            Exclude = request.Exclude,
            Encoding = request.Encoding,
            MaxDegreeOfParallelism = request.Threads ?? Environment.ProcessorCount,
            Shard = request.Shard,
        };

        var stdout = openStdout();
        await using (stdout.ConfigureAwait(false))
        {
            var output = new BufferedStream(stdout, 1 << 18);
            await using (output.ConfigureAwait(false))
            {
                using var writer = FindingWriter.Create(request.Format, output, request.Reveal);
                var failing = false;
                var progress = request.Progress ? new TerminalProgress(stderr) : null;
                var summary = await new DataScanner(options).ScanViewsAsync(
                    inputs,
                    (in FindingView finding) =>
                    {
                        writer.Write(finding);
                        failing |= request.FailOn.Fails(finding.Type, finding.Confidence);
                    },
                    progress,
                    ct);
                progress?.Clear();
                writer.Complete(summary);
                await output.FlushAsync(ct);

                foreach (var file in summary.Errors)
                {
                    await stderr.WriteLineAsync($"fincloud scan: {file.Path}: {file.Error}");
                }

                var peak = Process.GetCurrentProcess().PeakWorkingSet64;
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{summary.Describe()}; peak memory {peak / (1024 * 1024)} MiB"));
                return failing ? ScanCommands.FindingsExitCode : 0;
            }
        }
    }

    /// <summary>One self-overwriting line on a terminal: files, bytes, MB/s and time left.</summary>
    private sealed class TerminalProgress(TextWriter stderr) : IProgress<ScanProgress>
    {
        private int _width;

        public void Report(ScanProgress value)
        {
            var eta = value.Remaining is { } left ? $", ETA {left:hh\\:mm\\:ss}" : "";
            var line = string.Create(CultureInfo.InvariantCulture,
                $"scanning: {value.FilesDone}/{value.FilesTotal} files, {value.BytesDone / 1e6:F1}/{value.BytesTotal / 1e6:F1} MB, {value.BytesPerSecond / 1e6:F0} MB/s, {value.Findings} findings{eta}");
            _width = Math.Max(_width, line.Length);
            stderr.Write("\r" + line.PadRight(_width));
            stderr.Flush();
        }

        public void Clear()
        {
            if (_width > 0)
            {
                stderr.Write("\r" + new string(' ', _width) + "\r");
                stderr.Flush();
            }
        }
    }
}
