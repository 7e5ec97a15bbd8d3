using System.IO.Compression;
using System.Text;
using FinCloud.Scanner.Corpus;

namespace FinCloud.Scanner.Tests.Files;

/// <summary>The same content in every encoding and container yields the same findings (line, type, value).</summary>
public sealed class FormatEquivalenceTests
{
    private static readonly string[] Lines =
    [
        "고객 900101-1234568 010-1234-5678 연락",
        "주민번호는 900101-1234567이야",
        "카드 ９４１０－１２３４－５６７８－９０１０",
        "면허 11-19-123456-61, 서울 19-123456-61, 111912345661",
        "입금계좌: 국민은행 123456-01-234567 (예금주 홍길동)",
        "메일 Hong.GilDong@Naver.com. 또는 01012345678@naver.com",
        "사업자 1208147521, 120-81-47521, 1208147521",
    ];

    private static string Text => string.Join("\r\n", Lines) + "\r\n";

    static FormatEquivalenceTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Encode(Encoding encoding, bool bom) => [.. (bom ? encoding.GetPreamble() : []), .. encoding.GetBytes(Text)];

    public static TheoryData<string> Variants => ["utf-8-bom", "utf-16le", "utf-16be", "cp949", "zip", "nested-zip"];

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Encodings_and_archives_yield_the_same_findings_as_plain_utf8(string variant)
    {
        using var folder = new TempFolder();
        var plain = folder.File("plain/memo.txt", Encoding.UTF8.GetBytes(Text));
        var other = variant switch
        {
            "utf-8-bom" => folder.File("v/memo.txt", Encode(new UTF8Encoding(true), true)),
            "utf-16le" => folder.File("v/memo.txt", Encode(new UnicodeEncoding(false, true), true)),
            "utf-16be" => folder.File("v/memo.txt", Encode(new UnicodeEncoding(true, true), true)),
            "cp949" => folder.File("v/memo.txt", Encode(Encoding.GetEncoding(949), false)),
            "zip" => folder.File("v/memo.zip", Zip(("docs/memo.txt", Encoding.UTF8.GetBytes(Text)))),
            _ => folder.File("v/outer.zip", Zip(("inner.zip", Zip(("memo.txt", Encode(new UnicodeEncoding(false, true), true)))))),
        };

        var (expected, _) = await Scanning.RunAsync(plain);
        var (actual, summary) = await Scanning.RunAsync(other);

        summary.Errors.ShouldBeEmpty();
        expected.Count.ShouldBe(11);
        Scanning.Keys(actual).ShouldBe(Scanning.Keys(expected), ignoreOrder: true);
        actual.Select(f => f.Column).ShouldBe(expected.Select(f => f.Column));
    }

    [Fact]
    public async Task Archive_entries_are_reported_under_the_archive_path()
    {
        using var folder = new TempFolder();
        var zip = folder.File("export.zip", Zip(("2024/memo.txt", Encoding.UTF8.GetBytes(Text))));
        var (findings, _) = await Scanning.RunAsync(zip);
        findings.Select(f => f.Path).Distinct().ShouldBe([$"{zip}/2024/memo.txt"]);
    }

    [Fact]
    public async Task A_csv_and_its_xlsx_copy_yield_the_same_findings_with_header_context()
    {
        using var folder = new TempFolder();
        var corpus = new KoreanCorpus(7, Scanning.Today);
        var customers = corpus.Customers("customers.csv", 60);
        var csv = folder.File("customers.csv", Encoding.UTF8.GetBytes(string.Join('\n', customers.Lines) + "\n"));
        using (var xlsx = File.Create(Path.Combine(folder.Path, "customers.xlsx")))
        {
            XlsxWriter.Write(xlsx, [("고객", customers.Lines.Select(l => XlsxWriter.SplitCsv(l)).ToList())]);
        }

        var (fromCsv, _) = await Scanning.RunAsync(csv);
        var (fromXlsx, summary) = await Scanning.RunAsync(Path.Combine(folder.Path, "customers.xlsx"));

        summary.Errors.ShouldBeEmpty();
        fromCsv.Count.ShouldBe(customers.Labels.Count);
        fromCsv.Count(f => f.Checksum == ChecksumStatus.Invalid).ShouldBeGreaterThan(0, "header context admits checksum-failing numbers");
        Scanning.Keys(fromXlsx).ShouldBe(Scanning.Keys(fromCsv), ignoreOrder: true);
        fromXlsx.Select(f => f.Path).Distinct().ShouldBe([Path.Combine(folder.Path, "customers.xlsx") + "/고객"]);
    }

    [Fact]
    public async Task Cp949_is_chosen_only_when_the_file_is_not_valid_utf8()
    {
        using var folder = new TempFolder();
        // Valid UTF-8 that is also readable as CP949 bytes stays UTF-8; a lone CP949 byte pair flips the whole file.
        var path = folder.File("mixed.txt", [.. Encoding.UTF8.GetBytes("주민번호는 900101-1234567\n"), .. Encoding.GetEncoding(949).GetBytes("메모 ")]);
        var (findings, _) = await Scanning.RunAsync(path);
        findings.ShouldBeEmpty("read as CP949, the UTF-8 keyword is mojibake, so the checksum-failing number has no context");
    }
}
