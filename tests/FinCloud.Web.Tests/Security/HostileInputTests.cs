using System.IO.Compression;
using System.Net;
using System.Text;
using FinCloud.Core.Identity;
using FinCloud.Documents;
using FinCloud.Rules.Catalogue;
using FinCloud.Rules.CloudUse;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Security;

/// <summary>
/// Every parser of outside input, fed hostile and random input: it answers with its own documented error or a result,
/// never with a crash, and never writes outside its folder or keeps a half-received file.
/// </summary>
public sealed class HostileInputTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] ValidScenario = Encoding.UTF8.GetBytes("""
        {"kind":"cloud-use","asOf":"2022-02-14","institution":{"sector":"card"},
         "workload":{"name":"카드 결제 승인 시스템","serviceModel":"iaas","processesUniqueIdentifiers":false,
                     "processesPersonalCreditInfo":false,"materialImpactOnElectronicFinance":true},
         "csp":{"name":"KT Cloud","fsiEvaluation":null},"contract":{"signedOn":"2022-02-15","usageStartOn":"2022-03-03"}}
        """);

    /// <summary>Characters that break parsers: quotes, separators, controls, formula starters, surrogates, Korean.</summary>
    private static readonly char[] Nasty = "\"',;{}[]:\\/\n\r\t\0=+-@%.0123456789eE가나\uD800\uFFFDabc ".ToCharArray();

    private static Gen<string> NastyText(int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(Nasty), n)).Select(a => new string(a));

    /// <summary>The valid scenario with bytes flipped, cut or inserted: close to valid, where parsers break.</summary>
    private static Gen<byte[]> MutatedScenario() =>
        Gen.Choose(0, ValidScenario.Length - 1).SelectMany(at => Gen.Choose(0, 255).SelectMany(b => Gen.Choose(0, 2).Select(kind =>
        {
            var bytes = ValidScenario.ToList();
            switch (kind)
            {
                case 0: bytes[at] = (byte)b; break;
                case 1: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.Insert(at, (byte)b); break;
            }

            return bytes.ToArray();
        })));

    [Fact]
    public void The_valid_scenario_reads()
    {
        CloudUseJson.ReadScenario(ValidScenario).ShouldNotBeNull();
    }

    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public Property Scenario_json_answers_malformed_input_with_a_scenario_format_error() =>
        Prop.ForAll(Gen.OneOf(MutatedScenario(), NastyText(200).Select(Encoding.UTF8.GetBytes), Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i))).ToArbitrary(), bytes =>
        {
            try
            {
                CloudUseJson.ReadScenario(bytes);
            }
            catch (ScenarioFormatException)
            {
                // the documented answer to bad input
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property The_catalogue_csv_importer_answers_any_text_with_a_line_numbered_error_or_a_catalogue() =>
        Prop.ForAll(Gen.OneOf(NastyText(300), NastyText(200).Select(t => "id,domain,class,text\n" + t)).ToArbitrary(), csv =>
        {
            try
            {
                CatalogueCsvImporter.Import(new StringReader(csv), FinCloud.Rules.Catalogue.CspCatalogues.ById("2023"));
            }
            catch (CatalogueImportException e)
            {
                e.Message.ShouldNotBeNullOrEmpty();
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property Exported_text_never_starts_a_formula() =>
        Prop.ForAll(NastyText(40).ToArbitrary(), text =>
        {
            var safe = XlsxWriter.SafeText(text);
            (safe.Length == 0 || safe[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r')).ShouldBeTrue();
            (safe == text || safe == "'" + text).ShouldBeTrue();
        });

    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public Property Upload_sniffing_accepts_only_known_types_whatever_the_bytes_and_name() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i)).ToArbitrary(), NastyText(20).Select(n => n + Gen.Elements(".pdf", ".exe", ".docx", ".csv", ".hwp", "").Sample(1)[0]).ToArbitrary(), (head, name) =>
        {
            var type = EvidenceStore.Sniff(head.AsSpan(0, Math.Min(8, head.Length)), name);
            type.ShouldBeOneOf(null, "application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv", "application/x-hwp", "application/zip", "application/hwp+zip",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation");
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property A_received_bundle_of_random_bytes_is_reported_not_thrown() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i)).ToArbitrary(), bytes =>
        {
            var verified = ReportBundle.Verify(new MemoryStream(bytes));
            verified.IsIntact.ShouldBeFalse();
        });

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(zip);
        }

        return memory.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        s.Write(content);
    }

    [Fact]
    public void A_zip_bomb_in_a_received_bundle_is_reported_without_expanding_it()
    {
        // 600 MB of zeros compress to well under a megabyte.
        var bomb = Zip(zip =>
        {
            using (var s = zip.CreateEntry("report.pdf", CompressionLevel.SmallestSize).Open())
            {
                var zeros = new byte[1024 * 1024];
                for (var i = 0; i < 600; i++)
                {
                    s.Write(zeros);
                }
            }

            Add(zip, ReportBundle.ManifestName, Encoding.UTF8.GetBytes($$"""{"title":"t","createdAt":"2026-01-01T00:00:00Z","files":[{"path":"report.pdf","bytes":1,"sha256":"{{new string('0', 64)}}"}]}"""));
        });
        bomb.Length.ShouldBeLessThan(2 * 1024 * 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var verified = ReportBundle.Verify(new MemoryStream(bomb));
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(64L * 1024 * 1024, "streamed, never held in memory");
        verified.IsIntact.ShouldBeFalse();
        verified.Problems.ShouldContain(p => p.Contains("size limit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("../../etc/cron.d/evil")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\..\\windows\\evil.dll")]
    [InlineData("C:/evil.txt")]
    [InlineData("docs/../../evil.txt")]
    public void Archive_names_that_climb_out_of_a_bundle_are_flagged(string name)
    {
        var bundle = new ReportBundle("t").AddText("case.json", "{}");
        var zip = Zip(z =>
        {
            using var original = new ZipArchive(new MemoryStream(bundle.ToZipBytes(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))));
            foreach (var entry in original.Entries)
            {
                using var s = entry.Open();
                using var copy = new MemoryStream();
                s.CopyTo(copy);
                Add(z, entry.FullName, copy.ToArray());
            }

            Add(z, name, "x"u8.ToArray());
        });
        var verified = ReportBundle.Verify(new MemoryStream(zip));
        verified.IsIntact.ShouldBeFalse();
        verified.Problems.ShouldContain(p => p.StartsWith(name, StringComparison.Ordinal) && p.Contains("unsafe path", StringComparison.Ordinal));
        if (name.Contains("..", StringComparison.Ordinal))
        {
            // Our own writer refuses such names outright.
            Should.Throw<ArgumentException>(() => new ReportBundle("t").AddText(name.Replace('\\', '/'), "x"));
        }
    }

    private static MultipartFormDataContent Upload(byte[] content, string fileName, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { new StringContent("증빙"), "label" }, { file, "file", fileName } };
    }

    [Fact]
    public async Task Hostile_uploads_are_refused_and_leave_no_file_or_row_behind()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        var org = await app.CreateOrganizationAsync();
        var caseId = (await CloudUse.CloudUseSetup.OpenAsync(app, org, await CloudUse.CloudUseSetup.ServiceAsync(app, org), personalCreditInfo: false)).Case.Id;
        using var client = app.ApiClient((await app.CreateApiKeyAsync(org, OrganizationRole.Officer)).Secret);
        var store = app.Services.GetRequiredService<EvidenceStore>();
        var url = new Uri($"/api/cloud-use/cases/{caseId}/evidence", UriKind.Relative);

        var oversized = new byte[EvidenceStore.MaxBytes + 1];
        "%PDF-1.7"u8.CopyTo(oversized);
        var refused = new (string What, MultipartFormDataContent Form)[]
        {
            ("oversized", Upload(oversized, "big.pdf")),
            ("executable named .pdf", Upload([0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4], "report.pdf")),
            ("HTML named .pdf", Upload("<html><script>alert(1)</script>"u8.ToArray(), "report.pdf", "text/html")),
            ("zip named .docx without Office parts is fine only as docx; a .exe extension is not", Upload("PK\u0003\u0004zzzz"u8.ToArray(), "tool.exe")),
            ("empty", Upload([], "empty.pdf")),
        };
        foreach (var (what, form) in refused)
        {
            using (form)
            {
                using var response = await client.PostAsync(url, form, Ct);
                response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, what);
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", what);
            }
        }

        using (var wrongBody = new StringContent("{\"file\":\"%PDF\"}", Encoding.UTF8, "application/json"))
        {
            (await client.PostAsync(url, wrongBody, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "not multipart");
        }

        (await app.WithDbAsync(db => db.EvidenceFiles.CountAsync(f => f.CaseId == caseId, Ct), org)).ShouldBe(0);
        var temp = Path.Combine(store.Root, "tmp");
        (Directory.Exists(temp) ? Directory.GetFiles(temp) : []).ShouldBeEmpty("refused uploads leave no temporary file");

        // A file name that climbs out of the folder is stored under its own key; only the last segment is kept as its name.
        using var traversal = Upload("%PDF-1.7 ok"u8.ToArray(), "../../../../etc/passwd.pdf");
        using var accepted = await client.PostAsync(url, traversal, Ct);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var row = await app.WithDbAsync(db => db.EvidenceFiles.SingleAsync(f => f.CaseId == caseId, Ct), org);
        row.FileName.ShouldBe("passwd.pdf");
        Path.GetFullPath(store.PathOf(row.StorageKey)).ShouldStartWith(store.Root + Path.DirectorySeparatorChar);
        row.StorageKey.ShouldNotContain("..");
    }
}
