using System.Text;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Web.Features.NetworkSeparation;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FinCloud.Web.Tests.NetworkSeparation;

public sealed class DataScopeTests(SharedApps apps) : IClassFixture<SharedApps>
{
    // Synthetic, checksum-valid test number (900101-1234568); never a real person's.
    private const string CsvWithRrn = "이름,주민등록번호,부서\n홍길동,900101-1234568,인사팀\n";
    private const string CleanCsv = "이름,부서\n홍길동,인사팀\n";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_scan_finding_an_RRN_blocks_approval_until_resolved(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        var (exemptionId, dataSetId) = await app.AtAsync(clock, org, async db =>
        {
            var (e, _) = await RegisterExemption.HandleAsync(db, SeparationScope.M365("IFS-20240927-N04", DataCategory.UniqueIdentifier), CancellationToken.None);
            return (e!.Id, (await DataSets.AddAsync(db, e.Id, "인사 공지 첨부", CancellationToken.None))!.Id);
        });

        var scan = await app.AtAsync(clock, org, db => ScanEvidence.ScanAndRecordAsync(db, dataSetId, "staff.csv", Encoding.UTF8.GetBytes(CsvWithRrn), CancellationToken.None));
        var finding = scan.ShouldNotBeNull().Findings.ShouldHaveSingleItem();
        finding.FindingType.ShouldBe("rrn");
        finding.Categories.ShouldBe("unique-identifier");
        scan.Value.Scan.FindingCounts.ShouldNotContain("900101");

        // The exemption's page names the finding in Korean: the identifier type, the excluded category, the scan's counts.
        using (var browser = await app.SignedInMemberAsync(org, Core.Identity.OrganizationRole.Officer))
        {
            var html = await browser.GetStringAsync(new Uri($"/separation-exemptions/{exemptionId}", UriKind.Relative), TestContext.Current.CancellationToken);
            html.ShouldContain("주민등록번호 × 1 → 고유식별정보");
            html.ShouldContain("주민등록번호 1</span>");
        }

        var (_, refusal) = await app.AtAsync(clock, org, db => DataSets.ApproveAsync(db, dataSetId, CancellationToken.None));
        refusal.ShouldNotBeNull();

        await app.AtAsync(clock, org, db => DataSets.ResolveFindingAsync(db, finding.Id, "주민등록번호 열 삭제", CancellationToken.None));
        await app.AtAsync(clock, org, db => ScanEvidence.ScanAndRecordAsync(db, dataSetId, "staff.csv", Encoding.UTF8.GetBytes(CleanCsv), CancellationToken.None));
        var (approved, refusedAgain) = await app.AtAsync(clock, org, db => DataSets.ApproveAsync(db, dataSetId, CancellationToken.None));
        refusedAgain.ShouldBeNull();
        approved.ShouldNotBeNull().Status.ShouldBe(DataSetStatus.Approved);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_data_set_without_a_scan_cannot_be_approved(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        var (dataSet, refusal) = await app.AtAsync(clock, org, async db =>
        {
            var (e, _) = await RegisterExemption.HandleAsync(db, SeparationScope.M365(), CancellationToken.None);
            var d = await DataSets.AddAsync(db, e!.Id, "회의록", CancellationToken.None);
            return await DataSets.ApproveAsync(db, d!.Id, CancellationToken.None);
        });
        refusal.ShouldNotBeNull();
        dataSet.ShouldNotBeNull().Status.ShouldBe(DataSetStatus.Pending);
    }
}
