using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Core.Features.Scanning;
using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Identity;
using FinCloud.Web.Features.Scanning;
using FinCloud.Web.Features.Supervision;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Demo;

/// <summary>
/// The demo as <c>dotnet run</c> seeds it (<c>Demo:Activity</c>): the bank's approved case is reported, so the FSS inbox
/// opens with a report, the bank's scan list with a finished scan of a sample export, and its exemptions with a research
/// network whose data sets were scanned.
/// </summary>
public sealed class DemoActivityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_demo_bank_has_reported_its_approved_case_and_scanned_a_sample_export(string provider)
    {
        await using var app = await FinCloudApp.StartAsync(provider, settings: new Dictionary<string, string> { ["Demo:Activity"] = "true" });
        var bank = await app.OrganizationIdAsync("한빛은행");
        var package = await app.WithDbAsync(db => db.ReportPackages.SingleAsync(Ct), bank);
        package.State.ShouldBe(ReportPackageState.Submitted);
        (await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Type == AuditEventType.SharedWithSupervisor && e.EntityId == package.Id.ToString(), Ct), bank)).ShouldBeTrue();

        var (_, key) = await app.CreateApiKeyAsync(await app.OrganizationIdAsync("금융감독원"), OrganizationRole.Officer);
        using var api = app.ApiClient(key);
        var report = (await FinCloudApp.ReadAsync<List<SubmissionDto>>(await api.GetAsync("/api/supervision/submissions", Ct))).ShouldHaveSingleItem();
        report.Institution.ShouldBe("한빛은행");
        report.Title.ShouldBe("고객 상담 이력 분석");
        report.Channel.ShouldBe(SubmissionChannel.SameInstallation);
        report.Status.ShouldBe(SubmissionStatus.Received);
        report.PackageSha256.ShouldBe(package.Sha256);

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
    }
}
