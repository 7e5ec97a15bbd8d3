using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FinCloud.Web.Tests.Browser;

/// <summary>The product's main journey in Korean, from intake to the FSS report package; screenshots go to artifacts/screenshots/.</summary>
public sealed partial class CloudUseJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    private static async Task GoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitUntilReadyAsync();
    }

    [Fact]
    public Task A_bank_officer_takes_a_saas_case_with_personal_credit_information_to_a_complete_fss_report_package() => browser.RunAsync("cloud-use-journey", async page =>
    {
        const string caseName = "모바일 상담 챗봇 SaaS";
        await page.SignInAsync("officer@hanbit.example", browser.App.DemoPassword);

        // The CSP and its SaaS in the registry.
        await GoAsync(page, "/cloud-use/registry");
        await page.GetByTestId("provider-name").SetAsync("저니클라우드");
        await page.GetByTestId("add-provider").ClickAsync();
        var provider = page.GetByTestId("provider").Filter(new LocatorFilterOptions { HasText = "저니클라우드" });
        await provider.WaitForAsync();
        await provider.Locator("input[placeholder='서비스']").SetAsync("저니 상담 SaaS");
        await provider.Locator("input[placeholder='리전']").SetAsync("kr-central-1");
        await provider.GetByTestId("add-service").ClickAsync();
        await provider.GetByRole(AriaRole.Cell, new() { Name = "저니 상담 SaaS" }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "10-cloud-use-registry");

        // Intake in plain Korean.
        await GoAsync(page, "/cloud-use/new");
        await page.GetByTestId("title").SetAsync(caseName);
        await page.GetByTestId("service").SelectOptionAsync(new SelectOptionValue { Label = "저니클라우드 · 저니 상담 SaaS (SaaS)" });
        await page.GetByTestId("next").ClickAsync();
        await page.GetByText("개인신용정보를 클라우드에서 처리하나요?").WaitForAsync();
        await page.GetByTestId("q-credit").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "11-intake-questions");
        await page.GetByTestId("next").ClickAsync();
        await page.GetByTestId("signed-on").SetAsync("2026-11-30");
        await page.GetByTestId("usage-on").SetAsync("2027-01-04");
        await page.GetByTestId("decide").ClickAsync();

        // The decision and the plan.
        await page.WaitForPageAsync("/cloud-use/cases/{id}");
        var caseUrl = page.Url;
        (await page.GetByTestId("case-title").InnerTextAsync()).ShouldBe(caseName);
        (await page.GetByTestId("materiality").InnerTextAsync()).ShouldContain("중요업무: 개인신용정보");
        (await page.GetByTestId("report").InnerTextAsync()).ShouldContain("2027-03-02");
        var tasks = await page.GetByTestId("tasks").InnerTextAsync();
        foreach (var step in new[] { "업무 중요도 평가", "업무연속성 계획 수립", "안전성 확보조치 수립", "CSP 건전성·안전성 평가", "정보처리시스템 국내 설치 확인", "정보보호위원회 심의·의결", "금융감독원 보고 (신규 계약)" })
        {
            tasks.ShouldContain(step);
        }

        (await page.GetByTestId("req-business-continuity-plan").InnerTextAsync()).ShouldBe("필수 (○)");
        // The reference's confidence tags read as named badges: the contract's [R] becomes 추정, with its meaning on hover.
        tasks.ShouldNotContain("[R]");
        var reconstructed = page.GetByTestId("tasks").Locator("abbr.source-tag[data-tag=R]").First;
        (await reconstructed.InnerTextAsync()).ShouldBe("추정");
        (await reconstructed.GetAttributeAsync("title")).ShouldNotBeNullOrEmpty();
        var citation = (await page.GetByTestId("citations").Locator("li").First.InnerTextAsync()).Trim();
        await BrowserFixture.ScreenshotAsync(page, "12-case-decision-and-plan");

        // 업무 중요도 평가.
        await page.GetByTestId("form-importance-assessment").ClickAsync();
        await page.WaitUntilReadyAsync();
        foreach (var key in new[] { "nature", "interruption", "intrusion", "concentration", "ef-safety" })
        {
            await page.GetByTestId("score-" + key).SetAsync("4");
            await page.GetByTestId("rationale-" + key).SetAsync("고객 상담 이력에 개인신용정보 포함");
        }

        await page.GetByTestId("decider").SetAsync("정보보호위원회");
        await page.GetByTestId("verdict-rationale").SetAsync("개인신용정보 처리로 중요업무");
        await page.GetByTestId("complete-form").ClickAsync();
        await page.GetByTestId("form-completed").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "13-importance-assessment");

        // 업무연속성 계획 (출구전략) and 안전성 확보조치: full templates for material work.
        await GoAsync(page, caseUrl + "/forms/business-continuity-plan");
        (await page.GetByTestId("relaxed").CountAsync()).ShouldBe(0);
        foreach (var field in new[] { "bcp-backup", "bcp-recovery", "bcp-drill", "exit-data", "exit-termination", "exit-transition" })
        {
            await page.GetByTestId(field).SetAsync("계획 수립 완료");
        }

        await page.GetByTestId("complete-form").ClickAsync();
        await page.GetByTestId("form-completed").WaitForAsync();
        await GoAsync(page, caseUrl + "/forms/security-measures");
        foreach (var field in new[] { "sm-accounts", "sm-access", "sm-encryption", "sm-logging" })
        {
            await page.GetByTestId(field).SetAsync("조치 완료");
        }

        await page.GetByTestId("complete-form").ClickAsync();
        await page.GetByTestId("form-completed").WaitForAsync();

        // CSP 건전성·안전성 평가.
        await GoAsync(page, caseUrl + "/csp-evaluation");
        await page.GetByTestId("mark-all-met").ClickAsync();
        await page.GetByTestId("evaluation-progress").Filter(new LocatorFilterOptions { HasTextRegex = new Regex("평가 (\\d+)/\\1건 완료") }).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "14-csp-evaluation");

        // Evidence files.
        await GoAsync(page, caseUrl);
        var pdf = Encoding.UTF8.GetBytes("%PDF-1.4\n% 업무연속성 계획 증빙\n");
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        await page.GetByTestId("evidence-label").SetAsync("업무연속성 계획서");
        await page.GetByTestId("evidence-file").SetInputFilesAsync(new FilePayload { Name = "bcp.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByTestId("upload-result").Filter(new LocatorFilterOptions { HasText = "업무연속성 계획서 v1" }).WaitForAsync();
        // 기준일 and 유효기한: a 유효기한 before the 기준일 is refused and what was typed stays; ten days left shows 만료 임박.
        var today = FinCloud.Rules.KoreanTime.Today(TimeProvider.System);
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByTestId("evidence-label").SetAsync("리전 확인서");
        await page.GetByTestId("evidence-effective").SetAsync(Iso(today));
        await page.GetByTestId("evidence-valid-until").SetAsync(Iso(today.AddDays(-1)));
        await page.GetByTestId("evidence-file").SetInputFilesAsync(new FilePayload { Name = "region.png", MimeType = "image/png", Buffer = png });
        await page.GetByTestId("upload-result").Filter(new LocatorFilterOptions { HasText = "유효기한은 기준일과 같거나 그 뒤여야 합니다." }).WaitForAsync();
        (await page.GetByTestId("evidence-label").InputValueAsync()).ShouldBe("리전 확인서");
        await page.GetByTestId("evidence-valid-until").SetAsync(Iso(today.AddDays(10)));
        await page.GetByTestId("evidence-file").SetInputFilesAsync(new FilePayload { Name = "region.png", MimeType = "image/png", Buffer = png });
        await page.GetByTestId("upload-result").Filter(new LocatorFilterOptions { HasText = "리전 확인서 v1" }).WaitForAsync();
        var region = page.GetByTestId("evidence-row").Filter(new LocatorFilterOptions { HasText = "리전 확인서" });
        (await region.InnerTextAsync()).ShouldContain(Iso(today.AddDays(10)));
        (await region.GetByTestId("evidence-validity").InnerTextAsync()).Trim().ShouldBe("만료 임박");
        (await region.GetByTestId("evidence-review").InnerTextAsync()).Trim().ShouldBe("검토 대기 (다른 사람이 검토)");   // four eyes: not the uploader
        var hashes = new[] { Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)) };
        var shown = await page.GetByTestId("evidence").InnerTextAsync();
        hashes.ShouldAllBe(h => shown.Contains(h));
        await BrowserFixture.ScreenshotAsync(page, "15-evidence");

        // 정보보호위원회: the CISO chairs, a member joins; both vote; the CISO flags the resolution for the board.
        await GoAsync(page, "/cloud-use/committee");
        foreach (var member in new[] { "이보안", "박위원" })
        {
            if ((await page.GetByTestId("members").InnerTextAsync()).Contains(member, StringComparison.Ordinal))
            {
                continue; // the demo committee may already have them
            }

            await page.GetByTestId("candidate").SelectOptionAsync(new SelectOptionValue { Label = member });
            await page.GetByTestId("appoint").ClickAsync();
            await page.GetByTestId("members").GetByText(member).WaitForAsync();
        }

        (await page.GetByTestId("members").InnerTextAsync()).ShouldContain("이보안 (위원장)");
        // The committee's forms are labelled: the meeting's fields and the case to table are found by their labels.
        await page.GetByLabel("회의명").SetAsync("2026년 제4차 정보보호위원회");
        (await page.GetByLabel("개최일").GetAttributeAsync("type")).ShouldBe("date");
        await page.GetByTestId("schedule").ClickAsync();
        await page.GetByTestId("meeting").First.WaitForAsync();
        await page.GetByLabel("상정할 이용 건").First.SelectOptionAsync(new SelectOptionValue { Label = caseName + " (v1)" });
        await page.GetByTestId("table").First.ClickAsync();
        var item = page.GetByTestId("agenda-item").Filter(new LocatorFilterOptions { HasText = caseName });
        await item.WaitForAsync();

        // Only the CISO may flag a resolution for the board: the officer sees the box disabled; the CISO takes over.
        (await item.GetByTestId("flag-material").IsDisabledAsync()).ShouldBeTrue();
        await page.Context.ClearCookiesAsync();
        await page.SignInAsync("ciso@hanbit.example", browser.App.DemoPassword);
        await GoAsync(page, "/cloud-use/committee");
        await item.WaitForAsync();
        (await item.GetByTestId("flag-material").IsDisabledAsync()).ShouldBeFalse();
        await item.GetByTestId("vote-for").Nth(0).ClickAsync();
        await item.GetByText("찬성 1").WaitForAsync();
        await item.GetByTestId("vote-for").Nth(1).ClickAsync();
        await item.GetByText("찬성 2").WaitForAsync();
        await item.GetByTestId("resolution-text").SetAsync("원안 가결 (출구전략 보완 조건)");
        await item.GetByTestId("flag-material").CheckAsync();
        await item.GetByTestId("resolve").ClickAsync();
        await item.GetByTestId("resolution").WaitForAsync();
        (await item.GetByTestId("resolution").InnerTextAsync()).ShouldContain("가결");
        await BrowserFixture.ScreenshotAsync(page, "16-committee-resolution");

        // The report package.
        await GoAsync(page, caseUrl);
        (await page.GetByTestId("approval").InnerTextAsync()).ShouldContain("v1 의결됨");
        (await page.GetByTestId("due-computation").InnerTextAsync()).ShouldContain("계약 체결일 2026-11-30부터 3개월");
        await page.GetByTestId("generate-package").ClickAsync();
        await page.GetByTestId("download-package").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "17-report-package");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-package").ClickAsync());
        var folder = Directory.CreateTempSubdirectory("fincloud-package-").FullName;
        var zipPath = Path.Combine(folder, "package.zip");
        await download.SaveAsAsync(zipPath);
        ZipFile.ExtractToDirectory(zipPath, folder);

        var manifest = await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json"), TestContext.Current.CancellationToken);
        foreach (var file in new[] { "report.docx", "report.pdf", "annex.xlsx", "case.json" })
        {
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(folder, file), TestContext.Current.CancellationToken)));
            manifest.ShouldContain(sha, customMessage: file);
        }

        var pdfText = Squash(PdfText(Path.Combine(folder, "report.pdf")));
        var docxText = Squash(ZipText(Path.Combine(folder, "report.docx"), "word/"));
        var xlsxText = Squash(ZipText(Path.Combine(folder, "annex.xlsx"), "xl/"));
        foreach (var (name, text) in new[] { ("pdf", pdfText), ("docx", docxText) })
        {
            text.ShouldContain(Squash(caseName), customMessage: name);
            text.ShouldContain("2027-03-02", customMessage: name);
            text.ShouldContain(Squash(citation), customMessage: name);
            hashes.ShouldAllBe(h => text.Contains(h), name);
        }

        hashes.ShouldAllBe(h => xlsxText.Contains(h));
        xlsxText.ShouldContain(Squash("업무연속성 계획서"));
        var json = await File.ReadAllTextAsync(Path.Combine(folder, "case.json"), TestContext.Current.CancellationToken);
        json.ShouldContain(caseName);
        json.ShouldContain("\"dueBy\": \"2027-03-02\"");

        await page.GetByTestId("submit-package").ClickAsync();
        await page.GetByTestId("packages").GetByText("제출됨").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "18-report-submitted");
    });

    private static string Squash(string text) => Whitespace().Replace(text, "");

    private static string PdfText(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    private static string ZipText(string path, string folder)
    {
        using var zip = ZipFile.OpenRead(path);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(folder, StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(System.Net.WebUtility.HtmlDecode(Tags().Replace(reader.ReadToEnd(), "")));
        }

        return text.ToString();
    }
}
