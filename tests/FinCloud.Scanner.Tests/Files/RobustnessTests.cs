using System.IO.Compression;
using System.Text;
using FinCloud.Scanner.Corpus;

namespace FinCloud.Scanner.Tests.Files;

/// <summary>Corrupt, truncated and hostile inputs yield an error for that file; the scan of the rest goes on.</summary>
public sealed class RobustnessTests
{
    private static readonly byte[] Memo = Encoding.UTF8.GetBytes("고객 900101-1234568 연락\n");

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public async Task A_truncated_zip_is_an_error_for_that_file_and_the_other_files_are_still_scanned()
    {
        using var folder = new TempFolder();
        var zip = Zip(("memo.txt", Memo));
        folder.File("a-broken.zip", zip[..(zip.Length / 2)]);
        folder.File("b-memo.txt", Memo);

        var (findings, summary) = await Scanning.RunAsync(folder.Path);

        var error = summary.Errors.ShouldHaveSingleItem();
        error.Path.ShouldEndWith("a-broken.zip");
        error.Error.ShouldNotBeNull().ShouldContain("ZIP");
        findings.ShouldHaveSingleItem().Path.ShouldEndWith("b-memo.txt");
    }

    [Fact]
    public async Task A_corrupt_entry_inside_a_zip_is_an_error_for_that_entry_only()
    {
        using var folder = new TempFolder();
        var zip = Zip(("a.txt", Encoding.UTF8.GetBytes(new string('x', 50_000) + "\n")), ("b.txt", Memo));
        // Damage the first entry's deflate data (it starts after the 30-byte local header and the name).
        for (var i = 40; i < 80; i++)
        {
            zip[i] ^= 0x5A;
        }

        var path = folder.File("export.zip", zip);
        var (findings, summary) = await Scanning.RunAsync(path);

        summary.Errors.ShouldHaveSingleItem().Path.ShouldBe($"{path}/a.txt");
        findings.ShouldHaveSingleItem().Path.ShouldBe($"{path}/b.txt");
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_an_error_for_that_file()
    {
        using var folder = new TempFolder();
        folder.File("report.xlsx", Encoding.UTF8.GetBytes("this is not a workbook"));
        folder.File("memo.txt", Memo);
        var (findings, summary) = await Scanning.RunAsync(folder.Path);
        summary.Errors.ShouldHaveSingleItem().Error.ShouldNotBeNull().ShouldContain("XLSX");
        findings.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    public async Task A_truncated_workbook_is_an_error_for_that_file_and_the_files_after_it_are_still_scanned(double kept)
    {
        using var folder = new TempFolder();
        var rows = Enumerable.Range(0, 2_000).Select(i => (IReadOnlyList<string>)[$"{i}", "900101-1234568", "메모"]).ToList();
        using (var buffer = new MemoryStream())
        {
            XlsxWriter.Write(buffer, [("고객", rows)]);
            var bytes = buffer.ToArray();
            folder.File("a-export.xlsx", bytes[..(int)(bytes.Length * kept)]);
        }

        folder.File("b-memo.txt", Memo);
        var (findings, summary) = await Scanning.RunAsync(folder.Path);

        var error = summary.Errors.ShouldHaveSingleItem();
        error.Path.ShouldContain("a-export.xlsx");
        error.Error.ShouldNotBeNull().ShouldContain("XLSX");
        findings.Where(f => f.Path.EndsWith("b-memo.txt", StringComparison.Ordinal)).ShouldHaveSingleItem();
        summary.Files.ShouldContain(f => f.Path.EndsWith("b-memo.txt", StringComparison.Ordinal) && f.Error == null);
    }

    [Fact]
    public async Task A_zip_bomb_entry_is_skipped_with_an_error()
    {
        using var folder = new TempFolder();
        var path = folder.File("bomb.zip", Zip(("zeros.txt", new byte[8 << 20]), ("memo.txt", Memo)));
        var options = new ScanOptions { Today = Scanning.Today, ArchiveLimits = new ArchiveLimits(MaxCompressionRatio: 100) };

        var (findings, summary) = await Scanning.RunAsync(path, options);

        summary.Errors.ShouldHaveSingleItem().Error.ShouldNotBeNull().ShouldContain("zip bomb");
        findings.ShouldHaveSingleItem().Path.ShouldBe($"{path}/memo.txt");
    }

    [Fact]
    public async Task Entry_names_cannot_climb_out_of_the_archive_path()
    {
        using var folder = new TempFolder();
        var path = folder.File("evil.zip", Zip(("../../etc/memo.txt", Memo), ("/abs/./memo.txt", Memo)));
        var (findings, _) = await Scanning.RunAsync(path);
        findings.Select(f => f.Path).ShouldBe([$"{path}/etc/memo.txt", $"{path}/abs/memo.txt"]);
    }

    [Fact]
    public async Task Archives_nested_beyond_the_limit_are_reported_not_opened()
    {
        using var folder = new TempFolder();
        var nested = Zip(("memo.txt", Memo));
        for (var i = 0; i < 3; i++)
        {
            nested = Zip(($"level{i}.zip", nested));
        }

        var path = folder.File("deep.zip", nested);
        var options = new ScanOptions { Today = Scanning.Today, ArchiveLimits = new ArchiveLimits(MaxNestingDepth: 2) };
        var (findings, summary) = await Scanning.RunAsync(path, options);
        findings.ShouldBeEmpty();
        summary.Errors.ShouldHaveSingleItem().Error.ShouldNotBeNull().ShouldContain("nested");
    }

    [Fact]
    public async Task Lines_longer_than_a_chunk_keep_their_line_and_column()
    {
        using var folder = new TempFolder();
        var filler = new string('가', 300_000);
        var text = $"첫 줄\n{filler} 900101-1234568\n끝 010-1234-5678\n";
        var path = folder.File("long.txt", Encoding.UTF8.GetBytes(text));
        var options = new ScanOptions { Today = Scanning.Today, ChunkBytes = 64 << 10, MaxLineBytes = 4 << 20 };

        var (findings, _) = await Scanning.RunAsync(path, options);

        findings.Select(f => (f.Line, f.Column, f.Type)).ShouldBe([(2L, 300_002, IdentifierType.Rrn), (3L, 3, IdentifierType.Phone)]);
    }

    [Fact]
    public async Task A_line_cut_at_the_maximum_line_length_keeps_counting_columns()
    {
        using var folder = new TempFolder();
        var filler = new string('x', 200_000);
        var text = $"{filler} 900101-1234568 {filler} 010-1234-5678\n";
        var path = folder.File("giant.txt", Encoding.UTF8.GetBytes(text));
        var options = new ScanOptions { Today = Scanning.Today, ChunkBytes = 64 << 10, MaxLineBytes = 128 << 10 };

        var (findings, _) = await Scanning.RunAsync(path, options);

        findings.Select(f => (f.Line, f.Column, f.Type)).ShouldBe([(1L, 200_002, IdentifierType.Rrn), (1L, 400_018, IdentifierType.Phone)]);
    }

    [Fact]
    public async Task Many_chunks_keep_line_numbers_and_order()
    {
        using var folder = new TempFolder();
        var text = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            text.Append(i % 7 == 0 ? "고객 900101-1234568 연락\n" : "잡담 줄입니다\n");
        }

        var path = folder.File("many.txt", Encoding.UTF8.GetBytes(text.ToString()));
        var options = new ScanOptions { Today = Scanning.Today, ChunkBytes = 16 << 10 };
        var (findings, _) = await Scanning.RunAsync(path, options);
        findings.Select(f => f.Line).ShouldBe(Enumerable.Range(0, 20_000).Where(i => i % 7 == 0).Select(i => (long)i + 1));
    }

    [Fact]
    public async Task Full_width_digits_and_other_full_width_forms_are_told_apart_at_every_offset()
    {
        // The byte search reads 32 bytes at a time: put the identifier (and a full-width '！' before it) at every
        // offset around those boundaries, in ASCII and in full-width digits.
        using var folder = new TempFolder();
        var text = new StringBuilder();
        var expected = new List<(long Line, int Column)>();
        for (var pad = 0; pad < 70; pad++)
        {
            var prefix = new string('x', pad) + " ！～ ";
            text.Append(prefix).Append(pad % 2 == 0 ? "900101-1234568" : "９００１０１－１２３４５６８").Append(" 끝\n");
            expected.Add((pad + 1, prefix.Length + 1));
        }

        var path = folder.File("wide.txt", Encoding.UTF8.GetBytes(text.ToString()));
        var (findings, _) = await Scanning.RunAsync(path);
        findings.Select(f => (f.Line, f.Column)).ShouldBe(expected);
        findings.Select(f => f.ValueSha256).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Cancellation_stops_the_scan()
    {
        using var folder = new TempFolder();
        folder.File("memo.txt", Memo);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() =>
            new DataScanner(new ScanOptions { Today = Scanning.Today }).ScanAsync([ScanInput.FromPath(folder.Path)], null, null, cancel.Token));
    }

    [Fact]
    public async Task Progress_reports_files_bytes_and_findings()
    {
        using var folder = new TempFolder();
        folder.File("memo.txt", Memo);
        var reports = new List<ScanProgress>();
        await new DataScanner(new ScanOptions { Today = Scanning.Today })
            .ScanAsync([ScanInput.FromPath(folder.Path)], null, new SyncProgress(reports.Add), TestContext.Current.CancellationToken);
        reports.ShouldNotBeEmpty();
        var last = reports[^1];
        (last.FilesDone, last.FilesTotal, last.BytesDone, last.Findings).ShouldBe((1, 1, Memo.Length, 1L));
    }

    [Fact]
    public async Task Max_findings_stops_early_and_marks_the_summary()
    {
        using var folder = new TempFolder();
        folder.File("memo.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("고객 900101-1234568 연락\n", 50))));
        var options = new ScanOptions { Today = Scanning.Today, MaxFindings = 3 };
        var (findings, summary) = await Scanning.RunAsync(folder.Path, options);
        findings.Count.ShouldBe(3);
        summary.Truncated.ShouldBeTrue();
    }

    [Fact]
    public async Task Include_and_exclude_globs_pick_files_under_a_folder()
    {
        using var folder = new TempFolder();
        folder.File("a/keep.csv", Memo);
        folder.File("a/skip.txt", Memo);
        folder.File("b/tmp/keep.csv", Memo);
        var options = new ScanOptions { Today = Scanning.Today, Include = ["*.csv"], Exclude = ["b/**"] };
        var (findings, _) = await Scanning.RunAsync(folder.Path, options);
        findings.Select(f => Path.GetRelativePath(folder.Path, f.Path)).ShouldBe(["a/keep.csv"]);
    }

    [Fact]
    public async Task Masked_samples_and_revealed_values()
    {
        using var folder = new TempFolder();
        folder.File("memo.txt", Memo);
        var (hidden, _) = await Scanning.RunAsync(folder.Path);
        hidden.ShouldHaveSingleItem().MaskedValue.ShouldBe("900101-1******");
        hidden[0].Value.ShouldBeNull();
        var (shown, _) = await Scanning.RunAsync(folder.Path, new ScanOptions { Today = Scanning.Today, RevealValues = true });
        shown.ShouldHaveSingleItem().Value.ShouldBe("900101-1234568");
    }

    private sealed class SyncProgress(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }
}
