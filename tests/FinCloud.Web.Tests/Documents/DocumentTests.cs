using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FinCloud.Documents;

namespace FinCloud.Web.Tests.Documents;

public sealed class DocumentTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static ReportDocument SampleReport(int evidenceRows = 3) =>
        new ReportBuilder("클라우드 이용 사전보고서")
            .Subtitle("한빛은행 · 신용정보 SaaS 이용")
            .Heading("1. 이용 개요")
            .Fields(("사건명", "고객상담 SaaS 도입"), ("보고 기한", "2026-03-31 (계약일 2025-12-31 + 3개월)"))
            .Paragraph("전자금융감독규정 제14조의2 제8항에 따라 중요업무에 대한 클라우드 이용을 보고합니다.\n두 번째 줄입니다.")
            .Heading("2. 증빙 목록", 2)
            .Table(["파일", "SHA-256"], Enumerable.Range(1, evidenceRows).Select(i => (IReadOnlyList<string>)[$"증빙{i}.pdf", Hash]))
            .Build();

    [Fact]
    public void Docx_report_holds_the_korean_title_fields_and_every_table_row()
    {
        var bytes = DocxReportWriter.ToBytes(SampleReport());

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        text.ShouldContain("클라우드 이용 사전보고서");
        text.ShouldContain("고객상담 SaaS 도입");
        text.ShouldContain("2026-03-31 (계약일 2025-12-31 + 3개월)");
        text.ShouldContain("제14조의2 제8항");
        text.ShouldContain("증빙3.pdf");
        doc.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count().ShouldBe(2 + 1 + 3);
        doc.PackageProperties.Title.ShouldBe("클라우드 이용 사전보고서");
    }

    [Fact]
    public async Task Pdf_report_embeds_a_korean_font_and_its_text_can_be_extracted()
    {
        var bytes = PdfReportWriter.ToBytes(SampleReport());

        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        Encoding.Latin1.GetString(bytes).ShouldContain("/FontFile2");   // an embedded TrueType program
        var text = await PdfTextAsync(bytes);
        text.ShouldContain("클라우드 이용 사전보고서");
        text.ShouldContain("고객상담 SaaS 도입");
        text.ShouldContain("제14조의2");
        text.ShouldContain(Hash);
    }

    [Fact]
    public async Task Long_pdf_tables_continue_on_new_pages_without_losing_rows()
    {
        var bytes = PdfReportWriter.ToBytes(SampleReport(evidenceRows: 120));

        var text = await PdfTextAsync(bytes);
        text.ShouldContain("증빙1.pdf");
        text.ShouldContain("증빙120.pdf");
        System.Text.RegularExpressions.Regex.IsMatch(text, @"1\s*/\s*[2-9]").ShouldBeTrue("page numbers 1 / N");
        text.Split('\f').Count(page => page.Contains("SHA-256", StringComparison.Ordinal)).ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Missing_korean_font_names_the_package_to_install()
    {
        var empty = Directory.CreateTempSubdirectory().FullName;

        KoreanFonts.Locate([empty]).ShouldBeNull();
        KoreanFonts.Locate(["/usr/share/fonts"]).ShouldNotBeNull();   // fonts-nanum, installed by the test script
    }

    [Fact]
    public void Xlsx_keeps_numbers_as_numbers_and_korean_text_readable()
    {
        var bytes = XlsxWriter.ToBytes(new XlsxSheet("증빙 목록", ["번호", "파일명", "기한"],
            [[1, "계약서.pdf", new DateOnly(2026, 3, 31)], [2, "평가결과.xlsx", null]]));

        var rows = ReadSheet(bytes, "증빙 목록");
        rows[0].ShouldBe(["번호", "파일명", "기한"]);
        rows[1].ShouldBe(["1", "계약서.pdf", "2026-03-31"]);
        rows[2][1].ShouldBe("평가결과.xlsx");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var first = doc.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Row>().ElementAt(1).Elements<Cell>().First();
        first.DataType!.Value.ShouldBe(CellValues.Number);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    public void Xlsx_text_that_looks_like_a_formula_is_neutralised(string typed)
    {
        var bytes = XlsxWriter.ToBytes(new XlsxSheet("S", ["값"], [[typed]]));

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Cell>().ToList();
        cells.ShouldAllBe(c => c.CellFormula == null);
        ReadSheet(bytes, "S")[1][0].ShouldBe("'" + typed);
    }

    [Fact]
    public void Ordinary_text_is_not_changed_by_the_formula_guard()
    {
        XlsxWriter.SafeText("클라우드 = 구름").ShouldBe("클라우드 = 구름");
        XlsxWriter.SafeText("").ShouldBe("");
    }

    [Fact]
    public void Bundle_lists_every_file_with_its_sha256_and_verifies()
    {
        var pdf = PdfReportWriter.ToBytes(SampleReport());
        var bundle = new ReportBundle("사전보고 패키지")
            .Add("report.pdf", pdf)
            .AddText("case.json", "{\"name\":\"고객상담\"}");

        var zip = bundle.ToZipBytes(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

        var verification = ReportBundle.Verify(new MemoryStream(zip));
        verification.IsIntact.ShouldBeTrue(string.Join("; ", verification.Problems));
        verification.Manifest!.Files.Single(f => f.Path == "report.pdf").Sha256
            .ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var sums = new StreamReader(archive.GetEntry(ReportBundle.ChecksumsName)!.Open());
        sums.ReadToEnd().ShouldContain($"{ReportBundle.Sha256(pdf)}  report.pdf");
    }

    [Fact]
    public void Bundle_with_a_changed_file_fails_verification_naming_it()
    {
        var zip = new ReportBundle("p").AddText("a.txt", "원본").ToZipBytes(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var tampered = new MemoryStream();
        tampered.Write(zip);
        using (var archive = new ZipArchive(tampered, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry("a.txt")!.Delete();
            using var w = new StreamWriter(archive.CreateEntry("a.txt").Open());
            w.Write("변조");
        }

        tampered.Position = 0;
        var verification = ReportBundle.Verify(tampered);
        verification.IsIntact.ShouldBeFalse();
        verification.Problems.ShouldBe(["a.txt: SHA-256 differs"]);
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("")]
    [InlineData("manifest.json")]
    public void Bundle_refuses_paths_outside_it_or_reserved(string path) =>
        Should.Throw<ArgumentException>(() => new ReportBundle("p").AddText(path, "x"));

    private static List<List<string>> ReadSheet(byte[] bytes, string name)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = doc.WorkbookPart!.Workbook!.Descendants<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!);
        return part.Worksheet!.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList())
            .ToList();
    }

    internal static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8,
            })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
