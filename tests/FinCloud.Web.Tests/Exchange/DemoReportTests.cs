using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Identity;
using FinCloud.Web.Features.Supervision;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.Exchange;

/// <summary>The demo as `dotnet run` seeds it: the bank's approved case is reported, so the FSS inbox opens with a report.</summary>
public sealed class DemoReportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_demo_bank_has_reported_its_approved_case_and_the_fss_inbox_receives_it(string provider)
    {
        await using var app = await FinCloudApp.StartAsync(provider, settings: new Dictionary<string, string> { ["Demo:ReportToFss"] = "true" });
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
    }
}
