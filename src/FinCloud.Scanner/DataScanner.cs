using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Threading.Channels;
using FinCloud.Scanner.Detection;
using FinCloud.Scanner.Inputs;
using FinCloud.Scanner.Pipeline;

namespace FinCloud.Scanner;

/// <summary>
/// Scans files, folders, archives and workbooks for identifiers (scan-labels.md). One reader splits the text into
/// chunks of whole lines, workers scan chunks in parallel, and findings come out in file and line order with
/// memory bounded by the chunks in flight.
/// </summary>
public sealed class DataScanner(ScanOptions options)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentBag<ChunkScanner> _scanners = [];
    private readonly ConcurrentBag<ChunkResult> _results = [];

    public ScanOptions Options { get; } = options;

    /// <summary>Scans <paramref name="inputs"/>, handing each finding to <paramref name="onFinding"/> in order (one call at a time).</summary>
    /// <param name="inputs">Files, folders and streams.</param>
    /// <param name="onFinding">Receives findings in file, line and column order.</param>
    /// <param name="progress">Receives progress about ten times a second.</param>
    /// <param name="ct">Stops the scan.</param>
    public Task<ScanSummary> ScanAsync(
        IReadOnlyList<ScanInput> inputs,
        Action<Finding>? onFinding = null,
        IProgress<ScanProgress>? progress = null,
        CancellationToken ct = default) =>
        ScanCoreAsync(inputs, onFinding is null ? null : (in FindingView finding) => onFinding(finding.ToFinding()), progress, ct);

    /// <summary>
    /// Like <see cref="ScanAsync"/>, but hands each finding out as a <see cref="FindingView"/> over the scan's buffers,
    /// for consumers that write findings out as they come (the CLI): nothing is allocated per finding.
    /// </summary>
    /// <param name="inputs">Files, folders and streams.</param>
    /// <param name="onFinding">Receives findings in file, line and column order; the view is valid only during the call.</param>
    /// <param name="progress">Receives progress about ten times a second.</param>
    /// <param name="ct">Stops the scan.</param>
    public Task<ScanSummary> ScanViewsAsync(
        IReadOnlyList<ScanInput> inputs,
        FindingViewHandler onFinding,
        IProgress<ScanProgress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(onFinding);
        return ScanCoreAsync(inputs, onFinding, progress, ct);
    }

    private async Task<ScanSummary> ScanCoreAsync(
        IReadOnlyList<ScanInput> inputs,
        FindingViewHandler? onFinding,
        IProgress<ScanProgress>? progress,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var clock = Stopwatch.StartNew();
        var sources = Source.Enumerate(
            inputs,
            [.. Options.Include.Select(p => new Glob(p))],
            [.. Options.Exclude.Select(p => new Glob(p))],
            Options.Shard);
        var bytesTotal = sources.Sum(s => Math.Max(s.Length, 0));
        var maxInFlight = Math.Max(2, Options.MaxDegreeOfParallelism * 2);
        using var inFlight = new SemaphoreSlim(maxInFlight, maxInFlight);
        var channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() => ProduceAsync(sources, channel.Writer, inFlight, stop.Token), CancellationToken.None);

        var files = new List<FileResult>();
        var totals = NewCounts();
        long findings = 0;
        long bytesDone = 0;
        var truncated = false;
        var lastReport = TimeSpan.Zero;
        string? path = null;
        long[]? counts = null;
        long lineBase = 0;
        var columnCarry = 0;
        long fileBytes = 0;

        await foreach (var item in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            switch (item)
            {
                case FileStart start:
                    path = start.Path;
                    counts = NewCounts();
                    lineBase = 0;
                    columnCarry = 0;
                    fileBytes = 0;
                    break;

                case ChunkItem chunk:
                    ChunkResult result;
                    try
                    {
                        result = await chunk.Result.ConfigureAwait(false);
                    }
                    finally
                    {
                        inFlight.Release();
                    }

                    fileBytes += result.Bytes;
                    bytesDone += result.Bytes;
                    if (!truncated)
                    {
                        var emitted = Emit(result, path!, lineBase, columnCarry, counts!, totals, findings, onFinding);
                        findings += emitted;
                        if (emitted < result.Findings.Count)
                        {
                            truncated = true;
                            await stop.CancelAsync().ConfigureAwait(false);
                        }
                    }

                    lineBase += result.LineFeeds;
                    columnCarry = chunk.EndsMidLine ? (result.LineFeeds == 0 ? columnCarry : 0) + result.TrailingScalars : 0;
                    _results.Add(result);
                    break;

                case FileEnd end:
                    files.Add(new FileResult(end.Path, end.Bytes >= 0 ? end.Bytes : fileBytes, ByType(counts ?? NewCounts()), end.Error));
                    counts = null;
                    break;
            }

            if (progress is not null && clock.Elapsed - lastReport >= ProgressInterval)
            {
                lastReport = clock.Elapsed;
                progress.Report(new ScanProgress(files.Count, sources.Count, bytesDone, Math.Max(bytesTotal, bytesDone), findings, clock.Elapsed));
            }
        }

        await producer.ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        progress?.Report(new ScanProgress(files.Count, sources.Count, bytesDone, Math.Max(bytesTotal, bytesDone), findings, clock.Elapsed));
        return new ScanSummary(files, files.Sum(f => f.Bytes), ByType(totals), clock.Elapsed, truncated);
    }

    private static long[] NewCounts() => new long[Enum.GetValues<IdentifierType>().Length];

    private static Dictionary<IdentifierType, long> ByType(long[] counts) =>
        Enum.GetValues<IdentifierType>().ToDictionary(t => t, t => counts[(int)t]);

    /// <summary>Hands a chunk's findings out in order; returns how many it emitted (fewer at the limit).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int Emit(ChunkResult result, string path, long lineBase, int columnCarry, long[] counts, long[] totals, long findingsSoFar, FindingViewHandler? onFinding)
    {
        var limit = Options.MaxFindings is { } max ? Math.Max(0, max - findingsSoFar) : long.MaxValue;
        var emitted = 0;
        foreach (ref readonly var local in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(result.Findings))
        {
            if (emitted >= limit)
            {
                break;
            }

            var column = local.LineIndex == 0 ? local.Column + columnCarry : local.Column;
            counts[(int)local.Type]++;
            totals[(int)local.Type]++;
            if (onFinding is not null)
            {
                var finding = new FindingView(path, lineBase + local.LineIndex + 1, column, local.Type,
                    result.Hashes.AsSpan(emitted * 32, 32), local.Confidence, local.Checksum,
                    Options.MaskValues ? NormalizedValue.Mask(result.Normalized[emitted], local.Type) : null,
                    Options.RevealValues ? result.Values[emitted] : null);
                onFinding(finding);
            }

            emitted++;
        }

        return emitted;
    }

    private abstract record Item;

    private sealed record FileStart(string Path) : Item;

    private sealed record ChunkItem(Task<ChunkResult> Result, bool EndsMidLine) : Item;

    private sealed record FileEnd(string Path, long Bytes, string? Error) : Item;

    private async Task ProduceAsync(List<Source> sources, ChannelWriter<Item> writer, SemaphoreSlim inFlight, CancellationToken ct)
    {
        try
        {
            foreach (var source in sources)
            {
                ct.ThrowIfCancellationRequested();
                await ProduceSourceAsync(source, writer, inFlight, new ArchiveBudget(Options.ArchiveLimits), 0, ct).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (OperationCanceledException)
        {
            writer.Complete();
        }
#pragma warning disable CA1031 // a bug in the reader must reach the caller through the channel, not vanish
        catch (Exception error)
#pragma warning restore CA1031
        {
            writer.Complete(error);
        }
    }

    /// <summary>Inflated bytes counted across one top-level archive and everything nested in it.</summary>
    private sealed class ArchiveBudget(ArchiveLimits limits)
    {
        public ArchiveLimits Limits { get; } = limits;

        public long Inflated { get; set; }
    }

    private static bool HasExtension(string path, string extension) => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase);

    private async Task ProduceSourceAsync(Source source, ChannelWriter<Item> writer, SemaphoreSlim inFlight, ArchiveBudget budget, int depth, CancellationToken ct)
    {
        if (HasExtension(source.DisplayPath, ".zip"))
        {
            await ProduceArchiveAsync(source, writer, inFlight, budget, depth, ct).ConfigureAwait(false);
        }
        else if (HasExtension(source.DisplayPath, ".xlsx"))
        {
            await ProduceWorkbookAsync(source, writer, inFlight, ct).ConfigureAwait(false);
        }
        else
        {
            await writer.WriteAsync(new FileStart(source.DisplayPath), ct).ConfigureAwait(false);
            string? error = null;
            try
            {
                var stream = await OpenSeekableAsync(source, ct).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    await ProduceTextAsync(stream, source.DisplayPath, Options.Encoding, HeaderFor(source.DisplayPath), writer, inFlight, ct).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (IsInputError(e))
            {
                error = Describe(e);
            }

            await writer.WriteAsync(new FileEnd(source.DisplayPath, source.Length, error), ct).ConfigureAwait(false);
        }
    }

    private static (char Delimiter, bool Quotes)? HeaderFor(string displayPath) =>
        HeaderContext.DelimiterFor(displayPath) is { } delimiter ? (delimiter, true) : null;

    private static bool IsInputError(Exception e) => e is IOException or InvalidDataException or UnauthorizedAccessException or System.Xml.XmlException or NotSupportedException;

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "not found",
        UnauthorizedAccessException => "permission denied",
        Spooling.LimitExceededException => e.Message,
        InvalidDataException => $"corrupt or truncated: {e.Message}",
        System.Xml.XmlException => $"corrupt workbook XML: {e.Message}",
        _ => e.Message,
    };

    private static async Task<Stream> OpenSeekableAsync(Source source, CancellationToken ct)
    {
        var stream = source.OpenRead();
        if (stream.CanSeek)
        {
            return stream;
        }

        await using (stream.ConfigureAwait(false))
        {
            return await Spooling.ToSeekableAsync(stream, long.MaxValue, _ => "", null, ct).ConfigureAwait(false);
        }
    }

    private async Task ProduceArchiveAsync(Source source, ChannelWriter<Item> writer, SemaphoreSlim inFlight, ArchiveBudget budget, int depth, CancellationToken ct)
    {
        ZipArchive archive;
        Stream stream;
        try
        {
            stream = await OpenSeekableAsync(source, ct).ConfigureAwait(false);
            try
            {
                archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            }
            catch
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch (Exception e) when (IsInputError(e))
        {
            await WriteErrorAsync(writer, source, $"not a readable ZIP archive: {Describe(e)}", ct).ConfigureAwait(false);
            return;
        }

        using (archive)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var entry in archive.Entries)
            {
                index++;
                if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
                {
                    continue;
                }

                var name = SafeEntryName(entry.FullName, index);
                if (!names.Add(name))
                {
                    name = $"{name}~{index}";
                }

                var child = new Source($"{source.DisplayPath}/{name}", null, null, entry.Length);
                if (depth + 1 > budget.Limits.MaxNestingDepth && (HasExtension(name, ".zip") || HasExtension(name, ".xlsx")))
                {
                    await WriteErrorAsync(writer, child, $"archive nested deeper than {budget.Limits.MaxNestingDepth} levels, skipped", ct).ConfigureAwait(false);
                    continue;
                }

                Stream content;
                try
                {
                    content = await InflateAsync(entry, budget, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (IsInputError(e))
                {
                    await WriteErrorAsync(writer, child, Describe(e), ct).ConfigureAwait(false);
                    continue;
                }

                await using (content.ConfigureAwait(false))
                {
                    var opened = child with { Open = () => new NonDisposingStream(content) };
                    await ProduceSourceAsync(opened, writer, inFlight, budget, depth + 1, ct).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Entry names as paths that cannot climb out: no leading '/', no '.' or '..' segments.</summary>
    internal static string SafeEntryName(string fullName, int index)
    {
        var segments = fullName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not "." and not "..")
            .Select(s => new string([.. s.Select(c => char.IsControl(c) ? '_' : c)]));
        var name = string.Join('/', segments);
        return name.Length == 0 ? $"entry-{index}" : name;
    }

    private static async Task<Stream> InflateAsync(ZipArchiveEntry entry, ArchiveBudget budget, CancellationToken ct)
    {
        var limits = budget.Limits;
        var ratioLimit = Math.Max(1L << 20, entry.CompressedLength * limits.MaxCompressionRatio);
        var limit = Math.Min(limits.MaxEntryBytes, Math.Min(ratioLimit, limits.MaxTotalBytes - budget.Inflated));
        var entryStream = entry.Open();
        await using (entryStream.ConfigureAwait(false))
        {
            return await Spooling.ToSeekableAsync(
                entryStream,
                limit,
                total => total > limits.MaxEntryBytes ? $"skipped: inflates beyond {limits.MaxEntryBytes:N0} bytes (possible zip bomb)"
                    : total > ratioLimit ? $"skipped: compression ratio above {limits.MaxCompressionRatio} (possible zip bomb)"
                    : $"skipped: the archive inflates beyond {limits.MaxTotalBytes:N0} bytes in all (possible zip bomb)",
                n => budget.Inflated += n,
                ct).ConfigureAwait(false);
        }
    }

    private async Task ProduceWorkbookAsync(Source source, ChannelWriter<Item> writer, SemaphoreSlim inFlight, CancellationToken ct)
    {
        ZipArchive workbook;
        List<WorkbookReader.Sheet> sheets;
        List<string> strings;
        try
        {
            var stream = await OpenSeekableAsync(source, ct).ConfigureAwait(false);
            try
            {
                workbook = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            }
            catch
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            try
            {
                sheets = WorkbookReader.Sheets(workbook);
                strings = WorkbookReader.SharedStrings(workbook);
            }
            catch
            {
                workbook.Dispose();
                throw;
            }
        }
        catch (Exception e) when (IsInputError(e))
        {
            await WriteErrorAsync(writer, source, $"not a readable XLSX workbook: {Describe(e)}", ct).ConfigureAwait(false);
            return;
        }

        using (workbook)
        {
            foreach (var sheet in sheets)
            {
                var path = $"{source.DisplayPath}/{SafeEntryName(sheet.Name, 1)}";
                await writer.WriteAsync(new FileStart(path), ct).ConfigureAwait(false);
                string? error = null;
                long bytes = -1;
                try
                {
                    var text = Spooling.TemporaryFile();
                    await using (text.ConfigureAwait(false))
                    {
                        WorkbookReader.WriteSheet(workbook, sheet, strings, text, ct);
                        bytes = text.Length;
                        text.Position = 0;
                        await ProduceTextAsync(text, path, TextEncodingChoice.Utf8, ('\t', false), writer, inFlight, ct).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (IsInputError(e))
                {
                    error = Describe(e);
                }

                await writer.WriteAsync(new FileEnd(path, bytes, error), ct).ConfigureAwait(false);
            }
        }
    }

    private static async Task WriteErrorAsync(ChannelWriter<Item> writer, Source source, string message, CancellationToken ct)
    {
        await writer.WriteAsync(new FileStart(source.DisplayPath), ct).ConfigureAwait(false);
        await writer.WriteAsync(new FileEnd(source.DisplayPath, Math.Max(source.Length, 0), message), ct).ConfigureAwait(false);
    }

    /// <summary>Splits the text into chunks of whole lines and hands each to a worker.</summary>
    private async Task ProduceTextAsync(
        Stream seekable,
        string displayPath,
        TextEncodingChoice encoding,
        (char Delimiter, bool Quotes)? headerKind,
        ChannelWriter<Item> writer,
        SemaphoreSlim inFlight,
        CancellationToken ct)
    {
        var utf8 = TextDecoding.AsUtf8(seekable, encoding, ct);
        var chunkBytes = Options.ChunkBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
        var filled = 0;
        var first = true;
        HeaderContext? header = null;
        try
        {
            var eof = false;
            while (!eof || filled > 0)
            {
                while (!eof && filled < buffer.Length)
                {
                    var n = await utf8.ReadAsync(buffer.AsMemory(filled), ct).ConfigureAwait(false);
                    if (n == 0)
                    {
                        eof = true;
                    }

                    filled += n;
                }

                if (filled == 0)
                {
                    break;
                }

                int cut;
                var midLine = false;
                if (eof)
                {
                    cut = filled;
                }
                else
                {
                    var lastFeed = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n');
                    if (lastFeed >= 0)
                    {
                        cut = lastFeed + 1;
                    }
                    else if (buffer.Length < Options.MaxLineBytes)
                    {
                        // A line longer than the buffer: grow it rather than cut the line.
                        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, Options.MaxLineBytes));
                        buffer.AsSpan(0, filled).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                        continue;
                    }
                    else
                    {
                        cut = TextDecoding.CompleteLength(buffer.AsSpan(0, filled));
                        midLine = true;
                    }
                }

                if (first && headerKind is { } kind)
                {
                    var headerEnd = buffer.AsSpan(0, cut).IndexOf((byte)'\n');
                    var headerLine = buffer.AsSpan(0, headerEnd < 0 ? cut : headerEnd);
                    if (headerLine.EndsWith("\r"u8))
                    {
                        headerLine = headerLine[..^1];
                    }

                    header = HeaderContext.Parse(Encoding.UTF8.GetString(headerLine), kind.Delimiter, kind.Quotes);
                }

                var next = ArrayPool<byte>.Shared.Rent(Math.Max(chunkBytes, (filled - cut) * 2));
                buffer.AsSpan(cut, filled - cut).CopyTo(next);
                var remaining = filled - cut;
                await SubmitAsync(buffer, cut, header, first, midLine, writer, inFlight, ct).ConfigureAwait(false);
                buffer = next;
                filled = remaining;
                first = false;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!ReferenceEquals(utf8, seekable))
            {
                await utf8.DisposeAsync().ConfigureAwait(false);
            }
        }

        _ = displayPath;
    }

    private async Task SubmitAsync(byte[] buffer, int length, HeaderContext? header, bool first, bool midLine,
        ChannelWriter<Item> writer, SemaphoreSlim inFlight, CancellationToken ct)
    {
        Task<ChunkResult> task;
        try
        {
            await inFlight.WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        task = Task.Run(() =>
        {
            if (!_scanners.TryTake(out var scanner))
            {
                scanner = new ChunkScanner(Options.Today, Options.Types, Options.RevealValues, Options.MaskValues);
            }

            try
            {
                return scanner.Scan(buffer.AsSpan(0, length), header, first, midLine, _results.TryTake(out var reused) ? reused : new ChunkResult());
            }
            finally
            {
                _scanners.Add(scanner);
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }, CancellationToken.None);
        await writer.WriteAsync(new ChunkItem(task, midLine), ct).ConfigureAwait(false);
    }

    /// <summary>Lets the same spooled entry stream be opened by the text reader without closing it.</summary>
    private sealed class NonDisposingStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
