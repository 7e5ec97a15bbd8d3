using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.FsiEvaluations;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Core.Features.Scanning;
using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Identity;
using FinCloud.Web.Features.Exchange;
using FinCloud.Web.Features.Scanning;
using FinCloud.Web.Features.Supervision;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Demo;

/// <summary>
/// The demo as <c>dotnet run</c> seeds it (<c>Demo:Activity</c>): the bank's approved case is reported, and so are other
/// institutions' cases, so the FSS inbox and sector view open with a sector; the bank's scan list opens with a finished
/// scan of a sample export, and its exemptions with a research network whose data sets were scanned.
/// </summary>
public sealed class DemoActivityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_demo_sector_has_reported_and_the_bank_has_scanned_a_sample_export(string provider)
    {
        await using var app = await FinCloudApp.StartAsync(provider, settings: new Dictionary<string, string> { ["Demo:Activity"] = "true" });
        var bank = await app.OrganizationIdAsync("한빛은행");
        var package = await app.WithDbAsync(db => db.ReportPackages.SingleAsync(Ct), bank);
        package.State.ShouldBe(ReportPackageState.Submitted);
        (await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Type == AuditEventType.SharedWithSupervisor && e.EntityId == package.Id.ToString(), Ct), bank)).ShouldBeTrue();

        var fss = await app.OrganizationIdAsync("금융감독원");
        var (_, key) = await app.CreateApiKeyAsync(fss, OrganizationRole.Officer);
        using var api = app.ApiClient(key);
        var inbox = await FinCloudApp.ReadAsync<List<SubmissionDto>>(await api.GetAsync("/api/supervision/submissions", Ct));
        var report = inbox.Where(s => s.Institution == "한빛은행").ShouldHaveSingleItem();
        report.Title.ShouldBe("고객 상담 이력 분석");
        report.Channel.ShouldBe(SubmissionChannel.SameInstallation);
        report.Status.ShouldBe(SubmissionStatus.Received);
        report.PackageSha256.ShouldBe(package.Sha256);

        // The rest of the sector: four institutions, 가상클라우드 under a material workload of each, one report late,
        // one accepted and one returned for supplementation.
        inbox.Select(s => s.Institution).Distinct().Order(StringComparer.Ordinal).ShouldBe(["누리생명", "바로페이", "새벽증권", "한빛은행"]);
        inbox.Single(s => s.Title == "주식 주문 시스템 재해복구 환경").Status.ShouldBe(SubmissionStatus.Accepted);
        var returned = inbox.Single(s => s.Title == "보험금 청구 심사 SaaS");
        returned.Status.ShouldBe(SubmissionStatus.SupplementationRequested);
        inbox.Where(s => s.DaysLate > 0).ShouldHaveSingleItem().ShouldBe(returned);

        // The API pages, searches, filters and sorts the inbox as the page does.
        async Task<List<string>> TitlesAsync(string query) =>
            [.. (await FinCloudApp.ReadAsync<List<SubmissionDto>>(await api.GetAsync("/api/supervision/submissions?" + query, Ct))).Select(s => s.Title)];
        (await TitlesAsync("lateOnly=true")).ShouldBe(["보험금 청구 심사 SaaS"]);
        (await TitlesAsync("search=%EB%B0%94%EB%A1%9C&sort=title")).ShouldBe(["간편결제 정산 시스템", "해외 가맹점 고객 문의 챗봇"]);
        (await TitlesAsync("sort=late&descending=true&pageSize=1")).ShouldBe(["보험금 청구 심사 SaaS"]);
        using (var second = await api.GetAsync("/api/supervision/submissions?sort=title&pageSize=4&page=2", Ct))
        {
            second.Headers.GetValues("X-Total-Count").ShouldBe(["6"]);
            (await FinCloudApp.ReadAsync<List<SubmissionDto>>(second)).Select(s => s.Title).ShouldBe(["주식 주문 시스템 재해복구 환경", "해외 가맹점 고객 문의 챗봇"]);
        }

        (await TitlesAsync("sector=Securities&sort=title&descending=true")).ShouldBe(["주식 주문 시스템 재해복구 환경", "리서치 자료 배포 포털"]);
        var sector = await app.WithDbAsync(db => SectorRisk.ComputeAsync(db, [], null, Ct), fss);
        (sector.Institutions, sector.Workloads, sector.MaterialWorkloads).ShouldBe((4, 6, 6));
        sector.ByCsp[0].ShouldBe(new Concentration("가상클라우드", 4, 4, 4));
        sector.Late.ShouldHaveSingleItem().Institution.ShouldBe("누리생명");

        // The insurer sees the FSS's request against the report it concerns.
        using (var insurer = app.Browser())
        {
            (await insurer.SignInAsync("ciso@nurilife.example", app.DemoPassword)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
            var page = await insurer.GetStringAsync(new Uri("/reports", UriKind.Relative), Ct);
            // Its own list shows the report as late, as the FSS sees it.
            page.ShouldContain($"data-testid=\"submitted-late\">{returned.DaysLate}일 지연<");
            var request = page[page.IndexOf("data-testid=\"request-row\"", StringComparison.Ordinal)..];
            request.ShouldContain("보험금 청구 심사 SaaS");
            request.ShouldContain("업무연속성계획(BCP) 최신본");
        }

        // The FSI has published a result for 가상클라우드's 가상서버 (one item unmet) that the bank can reuse.
        var (_, bankKey) = await app.CreateApiKeyAsync(bank, OrganizationRole.Officer);
        using (var bankApi = app.ApiClient(bankKey))
        {
            var result = (await FinCloudApp.ReadAsync<List<ReceivedEvaluationDto>>(await bankApi.GetAsync("/api/fsi/results", Ct))).ShouldHaveSingleItem();
            (result.Issuer, result.Provider, result.Service, result.Verdict, result.UnmetItems, result.Problem).ShouldBe(("금융보안원", "가상클라우드", "가상서버", FsiVerdict.Satisfied, 1, null));
        }

        // The bank's own 보고·제출 page lists what it submitted.
        using var officer = app.Browser();
        (await officer.SignInAsync("officer@hanbit.example", app.DemoPassword)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var reports = await officer.GetStringAsync(new Uri("/reports", UriKind.Relative), Ct);
        reports.ShouldContain("제출한 보고");
        reports.ShouldContain("고객 상담 이력 분석");
        reports.ShouldContain(package.Sha256[..12]);

        // The sample export: 40 customers, each with a 주민등록번호, a phone, an e-mail and an account under 계좌번호.
        ScanJob? job = null;
        for (var wait = 0; wait < 200 && job?.Status is not (ScanJobStatus.Completed or ScanJobStatus.Failed); wait++)
        {
            await Task.Delay(50, Ct);
            job = await app.WithDbAsync(db => db.ScanJobs.AsNoTracking().SingleAsync(Ct), bank);
        }

        job!.Source.ShouldBe(ScanningDemo.FileName);
        job.Status.ShouldBe(ScanJobStatus.Completed);
        job.Findings.ShouldBe(160L);

        // The research-network exemption: the pseudonymised data set scanned clean, the export blocked by its 주민등록번호.
        var dataSets = await app.WithDbAsync(db => db.ExemptionDataSets.AsNoTracking().ToDictionaryAsync(d => d.Name, d => d.Status, Ct), bank);
        dataSets[ScanningDemo.FileName].ShouldBe(DataSetStatus.Blocked);
        dataSets["상담 이력 (가명처리본)"].ShouldNotBe(DataSetStatus.Blocked);
        var supervised = await FinCloudApp.ReadAsync<List<SupervisedExemption>>(await api.GetAsync("/api/separation/supervision", Ct));
        supervised.ShouldHaveSingleItem().Title.ShouldBe("AI 상담 분석 연구망");

        // The case in progress: the CSP has answered its link (one item not met), and dated evidence is on the deadline board.
        var lending = await app.WithDbAsync(db => db.CloudUseCases.Where(c => c.Title == "여신 심사 보조 SaaS").Select(c => c.Id).SingleAsync(Ct), bank);
        var inquiry = await app.WithDbAsync(db => db.CspInquiries.AsNoTracking().Include(i => i.Answers).SingleAsync(i => i.CaseId == lending, Ct), bank);
        inquiry.AnsweredBy.ShouldBe("김보안 (가상클라우드 CISO)");
        inquiry.Answers.Count(a => a.Outcome == ItemOutcome.NotMet).ShouldBe(1);
        (await app.WithDbAsync(db => db.EvidenceFiles.Where(e => e.CaseId == lending && e.Label == "클라우드 이용계약서").Select(e => e.Review).SingleAsync(Ct), bank))
            .ShouldBe(EvidenceReview.NeedsRework);
        var board = await app.WithDbAsync(db => new CloudUseDeadlines().OpenDeadlinesAsync(db, Ct), bank);
        board.ShouldContain(d => d.Category == Core.Deadlines.DeadlineCategory.Evidence && d.Title.StartsWith("증빙 유효기한: 모의해킹 결과 보고서", StringComparison.Ordinal));
    }
}
