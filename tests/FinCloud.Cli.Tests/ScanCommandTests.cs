using System.Text;
using System.Text.Json;

namespace FinCloud.Cli.Tests;

/// <summary><c>fincloud scan</c> through the real program: README §3.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fincloud-cli-scan-" + Guid.NewGuid().ToString("N"));

    public ScanCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "data"));
        File.WriteAllText(Path.Combine(_folder, "data", "customers.csv"),
            "id,주민등록번호,account_no,memo\n1,900101-1234567,110-123-456789,\"a,b\"\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(_folder, "data", "memo.txt"),
            "고객 900101-1234568 010-1234-5678 연락\n메일 Hong.GilDong@Naver.com.\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(_folder, "clean.txt"), "오늘 회의는 3시에 합니다\n", new UTF8Encoding(false));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string P(string relative) => Path.Combine(_folder, relative);

    private static List<JsonElement> JsonLines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task Jsonl_lists_each_finding_with_the_contract_fields_and_exits_3()
    {
        var result = await Fincloud.RunAsync("scan", P("data"), "--format", "jsonl", "--as-of", "2026-11-27");

        result.ExitCode.ShouldBe(3);
        var findings = JsonLines(result.Stdout);
        findings.Select(f => (f.GetProperty("path").GetString(), f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32(), f.GetProperty("type").GetString()))
            .ShouldBe([
                (P("data/customers.csv"), 2, 3, "rrn"),
                (P("data/customers.csv"), 2, 18, "account"),
                (P("data/memo.txt"), 1, 4, "rrn"),
                (P("data/memo.txt"), 1, 19, "phone"),
                (P("data/memo.txt"), 2, 4, "email"),
            ]);
        var rrn = findings[2];
        rrn.GetProperty("valueSha256").GetString().ShouldBe("886d7f060b2d37f9904a2cc4d1d9dfd0838599a3aed2dba9cf6623c9912f06c6");
        rrn.GetProperty("confidence").GetString().ShouldBe("high");
        rrn.GetProperty("checksum").GetString().ShouldBe("valid");
        findings[0].GetProperty("checksum").GetString().ShouldBe("invalid");
        findings[4].GetProperty("valueSha256").GetString().ShouldBe("9f3ff58e8e9ee1b3eb8251ffe334b5ced90669d888cc262f11ff64c17aaa037b");
        result.Stdout.ShouldNotContain("900101");
        findings.Count(f => f.TryGetProperty("value", out var _)).ShouldBe(0);
        result.Stderr.ShouldContain("5 finding(s)");
        result.Stderr.ShouldContain("rrn 2");
    }

    [Fact]
    public async Task Jsonl_places_findings_that_share_a_line_and_columns_of_any_width()
    {
        // Line 1 holds phones at columns 1, 500, 999 and 12,345 and line 2 at 1,000 and 1,014; lines 3–13 one each, so
        // line numbers pass one digit. The writer formats numbers straight into its buffer.
        static string At(params int[] columns)
        {
            var line = new StringBuilder();
            foreach (var column in columns)
            {
                line.Append(' ', column - 1 - line.Length).Append("010-1234-5678");
            }

            return line.Append('\n').ToString();
        }

        File.WriteAllText(P("wide.txt"), At(1, 500, 999, 12345) + At(1000, 1014) + string.Concat(Enumerable.Range(1, 11).Select(c => At(c))), new UTF8Encoding(false));

        var result = await Fincloud.RunAsync("scan", P("wide.txt"), "--format", "jsonl", "--reveal");

        var findings = JsonLines(result.Stdout);
        findings.Select(f => (f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32()))
            .ShouldBe([(1, 1), (1, 500), (1, 999), (1, 12345), (2, 1000), (2, 1014), .. Enumerable.Range(1, 11).Select(c => (c + 2, c))]);
        findings.ShouldAllBe(f => f.GetProperty("value").GetString() == "010-1234-5678");
        findings.ShouldAllBe(f => f.GetProperty("path").GetString() == P("wide.txt") && f.GetProperty("type").GetString() == "phone");
    }

    [Fact]
    public async Task Jsonl_output_larger_than_the_writers_buffers_arrives_whole_and_in_order()
    {
        // 30,000 phone numbers: about 6 MB of JSON Lines, several times the writer's buffer and the stream's below it.
        const int count = 30_000;
        var lines = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            lines.Append("연락처 010-").Append((1000 + (i % 9000)).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("-5678\n");
        }

        File.WriteAllText(P("many.txt"), lines.ToString(), new UTF8Encoding(false));

        var result = await Fincloud.RunAsync("scan", P("many.txt"), "--format", "jsonl");

        result.ExitCode.ShouldBe(3);
        result.Stdout.Length.ShouldBeGreaterThan(4 << 20);
        var findings = JsonLines(result.Stdout);
        findings.Select(f => f.GetProperty("line").GetInt32()).ShouldBe(Enumerable.Range(1, count));
        findings.ShouldAllBe(f => f.GetProperty("column").GetInt32() == 5 && f.GetProperty("type").GetString() == "phone");
    }

    [Fact]
    public async Task No_findings_exits_0_with_empty_stdout_and_a_summary_on_stderr()
    {
        var result = await Fincloud.RunAsync("scan", P("clean.txt"));
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("scanned 1 file(s)");
        result.Stderr.ShouldContain("MB/s");
    }

    [Fact]
    public async Task Types_filters_the_output_after_overlap_resolution()
    {
        var result = await Fincloud.RunAsync("scan", P("data"), "--types", "phone,email");
        result.ExitCode.ShouldBe(3);
        JsonLines(result.Stdout).Select(f => f.GetProperty("type").GetString()).ShouldBe(["phone", "email"]);
    }

    [Fact]
    public async Task Types_without_a_match_exits_0()
    {
        var result = await Fincloud.RunAsync("scan", P("data"), "--types", "passport");
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Fail_on_high_ignores_low_and_medium_findings()
    {
        var result = await Fincloud.RunAsync("scan", P("data/customers.csv"), "--fail-on", "high");
        result.ExitCode.ShouldBe(0);
        JsonLines(result.Stdout).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Reveal_adds_the_raw_value()
    {
        var result = await Fincloud.RunAsync("scan", P("data/memo.txt"), "--reveal", "--types", "rrn");
        JsonLines(result.Stdout).ShouldHaveSingleItem().GetProperty("value").GetString().ShouldBe("900101-1234568");
    }

    [Fact]
    public async Task Max_findings_limits_the_output()
    {
        var result = await Fincloud.RunAsync("scan", P("data"), "--max-findings", "2");
        result.ExitCode.ShouldBe(3);
        JsonLines(result.Stdout).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Sarif_is_a_2_1_0_log_with_one_result_per_finding()
    {
        var result = await Fincloud.RunAsync("scan", P("data"), "--format", "sarif");
        result.ExitCode.ShouldBe(3);
        using var sarif = JsonDocument.Parse(result.Stdout);
        sarif.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = sarif.RootElement.GetProperty("runs")[0];
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength().ShouldBe(9);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Count.ShouldBe(5);
        var region = results[2].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        (results[2].GetProperty("ruleId").GetString(), region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32())
            .ShouldBe(("rrn", 1, 4));
        results[2].GetProperty("partialFingerprints").GetProperty("valueSha256/v1").GetString()
            .ShouldBe("886d7f060b2d37f9904a2cc4d1d9dfd0838599a3aed2dba9cf6623c9912f06c6");
    }

    [Fact]
    public async Task Table_shows_masked_samples_only()
    {
        var result = await Fincloud.RunAsync("scan", P("data/memo.txt"), "--format", "table");
        result.ExitCode.ShouldBe(3);
        result.Stdout.ShouldContain("900101-1******");
        result.Stdout.ShouldContain("010-****-5678");
        result.Stdout.ShouldNotContain("1234568");
    }

    [Fact]
    public async Task Standard_input_is_scanned_with_the_name_given()
    {
        var result = await Fincloud.RunWithInputAsync("id,rrn\n1,900101-1234567\n", "scan", "-", "--stdin-name", "upload.csv");
        result.ExitCode.ShouldBe(3);
        var finding = JsonLines(result.Stdout).ShouldHaveSingleItem();
        (finding.GetProperty("path").GetString(), finding.GetProperty("line").GetInt32(), finding.GetProperty("checksum").GetString())
            .ShouldBe(("upload.csv", 2, "invalid"));
    }

    [Fact]
    public async Task Three_shards_together_find_exactly_what_one_scan_finds_each_file_once()
    {
        // Thirty files in nested folders, each with a finding of its own (the line number tells them apart).
        var corpus = P("corpus");
        for (var i = 0; i < 30; i++)
        {
            var folder = Path.Combine(corpus, $"part-{i % 4}", i % 3 == 0 ? "deep" : "");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"memo-{i:D2}.txt"),
                string.Concat(Enumerable.Repeat("잡담\n", i)) + "고객 900101-1234568 010-1234-5678\n", new UTF8Encoding(false));
        }

        var whole = await Fincloud.RunAsync("scan", corpus, "--as-of", "2026-11-27");
        var shards = await Task.WhenAll(Enumerable.Range(0, 3).Select(k => Fincloud.RunAsync("scan", corpus, "--as-of", "2026-11-27", "--shard", $"{k}/3")));

        whole.ExitCode.ShouldBe(3);
        var expected = whole.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        expected.Length.ShouldBe(60);
        var perShard = shards.Select(r => r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        perShard.ShouldAllBe(lines => lines.Length > 0);
        perShard.SelectMany(l => l).Order(StringComparer.Ordinal).ShouldBe(expected.Order(StringComparer.Ordinal));
        var filesPerShard = perShard.Select(lines => lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()).ToHashSet()).ToList();
        filesPerShard.Sum(f => f.Count).ShouldBe(30);
        filesPerShard.SelectMany(f => f).Distinct().Count().ShouldBe(30);

        // The same split every time.
        var again = await Fincloud.RunAsync("scan", corpus, "--as-of", "2026-11-27", "--shard", "1/3");
        again.Stdout.ShouldBe(shards[1].Stdout);
    }

    [Theory]
    [InlineData("--shard", "3/3", "invalid-shard")]
    [InlineData("--shard", "1/0", "invalid-shard")]
    [InlineData("--shard", "-1/3", "invalid-shard")]
    [InlineData("--shard", "two", "invalid-shard")]
    [InlineData("--types", "rrn,ssn", "unknown-type")]
    [InlineData("--format", "xml", "usage")]
    [InlineData("--as-of", "2026-02-30", "invalid-date")]
    [InlineData("--fail-on", "sometimes", "invalid-fail-on")]
    [InlineData("--max-findings", "-1", "invalid-max-findings")]
    public async Task Bad_options_exit_2_with_a_json_error_and_no_stdout(string option, string value, string code)
    {
        var result = await Fincloud.RunAsync("scan", P("data"), option, value);
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        using var error = JsonDocument.Parse(result.Stderr);
        error.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task A_missing_path_exits_2()
    {
        var result = await Fincloud.RunAsync("scan", P("no-such-folder"));
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        using var error = JsonDocument.Parse(result.Stderr);
        error.RootElement.GetProperty("error").GetProperty("code").GetString().ShouldBe("not-found");
    }

    [Fact]
    public async Task A_corrupt_archive_is_reported_and_the_rest_is_scanned()
    {
        File.WriteAllBytes(P("data/broken.zip"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        var result = await Fincloud.RunAsync("scan", P("data"));
        result.ExitCode.ShouldBe(3);
        JsonLines(result.Stdout).Count.ShouldBe(5);
        result.Stderr.ShouldContain("broken.zip");
        result.Stderr.ShouldContain("1 file error(s)");
    }
}
