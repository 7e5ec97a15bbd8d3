using System.Net;
using FinCloud.Core;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.NetworkSeparation;
using FinCloud.Rules.CloudUse;
using FinCloud.Rules.NetworkSeparation;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FinCloud.Web.Tests.NetworkSeparation;

public sealed class SupervisorViewTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_FSS_sees_only_shared_exemptions_with_overdue_reviews_and_its_read_is_audited(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.CreateOrganizationAsync();
        var fss = await app.OrganizationIdAsync("금융감독원");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        var (shared, unshared) = await SharedAndUnsharedAsync(app, clock, bank);

        clock.Advance(TimeSpan.FromDays(40)); // 2027-01-06: the second half of 2026 was never reviewed
        var seen = await app.AtAsync(clock, fss, db => SupervisorView.ListAsync(db, new SupervisorFilter(SeparationExemptionKind.SandboxDesignation, "m365"), CancellationToken.None));
        var line = seen.Where(x => x.ExemptionId == shared.Id).ShouldHaveSingleItem();
        line.OverdueReviews.ShouldBe(1);
        seen.ShouldNotContain(x => x.ExemptionId == unshared.Id);
        (await app.AtAsync(clock, fss, db => SupervisorView.ListAsync(db, new SupervisorFilter(OverdueOnly: true), CancellationToken.None)))
            .ShouldContain(x => x.ExemptionId == shared.Id);

        var fssEvents = await app.AtAsync(clock, fss, db => db.AuditEvents.Where(e => e.Type == AuditEventType.SharedRecordRead).CountAsync());
        fssEvents.ShouldBeGreaterThanOrEqualTo(2);
        (await app.AtAsync(clock, bank, db => db.AuditEvents.CountAsync(e => e.Type == AuditEventType.SharedWithSupervisor && e.EntityId == shared.Id.ToString()))).ShouldBe(1);
        (await app.AtAsync(clock, fss, db => AuditChain.VerifyAsync(db, CancellationToken.None))).IsIntact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task An_institution_has_nothing_shared_with_it(string provider)
    {
        var app = await apps.GetAsync(provider);
        var other = await app.CreateOrganizationAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        await SeparationRecords.CreateForAsync(app, await app.CreateOrganizationAsync());
        (await app.AtAsync(clock, other, db => SupervisorView.ListAsync(db, new SupervisorFilter(), CancellationToken.None))).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_FSS_opens_a_shared_exemption_in_full_read_only_and_audited_and_nothing_unshared(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.CreateOrganizationAsync();
        var fss = await app.OrganizationIdAsync("금융감독원");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        var (shared, unshared) = await SharedAndUnsharedAsync(app, clock, bank);
        var bankEvents = await app.AtAsync(clock, bank, db => db.AuditEvents.CountAsync());
        var options = app.Services.GetRequiredService<DbContextOptions<FinCloudDbContext>>();

        var seen = (await app.AtAsync(clock, fss, db => SupervisorView.SharedDetailAsync(db, options, shared.Id, CancellationToken.None))).ShouldNotBeNull();
        seen.Institution.ShouldStartWith("테스트은행 ");
        seen.Exemption.Summary.Title.ShouldBe(shared.Title);
        seen.Exemption.Controls.Count.ShouldBe(shared.Catalogue.Controls.Count);
        seen.Exemption.Controls.ShouldAllBe(c => c.Result == ControlAssessmentResult.Met);
        seen.Exemption.Evaluations.ShouldHaveSingleItem().Result.ShouldBe(FsiEvaluationResult.Pass);
        seen.Exemption.Decision.CanActivate.ShouldBeTrue();
        var dataSet = seen.Exemption.DataSets.ShouldHaveSingleItem();
        dataSet.Findings.ShouldHaveSingleItem().FindingType.ShouldBe("rrn");

        (await app.AtAsync(clock, fss, db => SupervisorView.SharedDetailAsync(db, options, unshared.Id, CancellationToken.None))).ShouldBeNull();
        (await app.AtAsync(clock, fss, db => SupervisorView.SharedDetailAsync(db, options, Guid.NewGuid(), CancellationToken.None))).ShouldBeNull();
        var other = await app.CreateOrganizationAsync();
        (await app.AtAsync(clock, other, db => SupervisorView.SharedDetailAsync(db, options, shared.Id, CancellationToken.None))).ShouldBeNull("only the FSS receives shares");

        (await app.AtAsync(clock, fss, db => db.AuditEvents.CountAsync(e => e.Type == AuditEventType.SharedRecordRead && e.EntityId == shared.Id.ToString())))
            .ShouldBe(1, "the one read of the shared exemption; the refused ones read nothing");
        (await app.AtAsync(clock, bank, db => db.AuditEvents.CountAsync())).ShouldBe(bankEvents, "the read writes nothing in the institution's trail");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_FSS_page_and_api_show_a_shared_exemption_and_answer_404_for_anything_else(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.CreateOrganizationAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        var (shared, unshared) = await SharedAndUnsharedAsync(app, clock, bank);

        var fss = app.Browser();
        (await fss.SignInAsync("supervisor@fss.example", app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await fss.GetStringAsync(new Uri("/supervision/separation-exemptions", UriKind.Relative), TestContext.Current.CancellationToken);
        list.ShouldContain($"href=\"supervision/separation-exemptions/{shared.Id}\"");
        var page = await fss.GetAsync(new Uri($"/supervision/separation-exemptions/{shared.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain(shared.Title);
        html.ShouldContain("data-testid=\"control-row\"");
        html.ShouldContain("주민등록번호");
        html.ShouldNotContain("data-testid=\"assess-save\"", customMessage: "the FSS reads; it does not assess");
        (await fss.GetAsync(new Uri($"/supervision/separation-exemptions/{unshared.Id}", UriKind.Relative), TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var (_, fssKey) = await app.CreateApiKeyAsync(await app.OrganizationIdAsync("금융감독원"), Core.Identity.OrganizationRole.Auditor);
        var api = app.ApiClient(fssKey);
        var detail = await FinCloudApp.ReadAsync<SupervisedExemptionDetail>(
            await api.GetAsync(new Uri($"/api/separation/supervision/{shared.Id}", UriKind.Relative), TestContext.Current.CancellationToken));
        detail.Exemption.Summary.Title.ShouldBe(shared.Title);
        (await api.GetAsync(new Uri($"/api/separation/supervision/{unshared.Id}", UriKind.Relative), TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (_, bankKey) = await app.CreateApiKeyAsync(bank);
        (await app.ApiClient(bankKey).GetAsync(new Uri($"/api/separation/supervision/{shared.Id}", UriKind.Relative), TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "an institution has nothing shared with it, its own exemption included");
    }

    [Fact]
    public async Task The_FSS_downloads_the_filtered_list_as_xlsx_and_institutions_cannot()
    {
        var app = await apps.GetAsync(Databases.Sqlite);
        var bank = await app.CreateOrganizationAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        var (shared, unshared) = await SharedAndUnsharedAsync(app, clock, bank);

        using var fss = app.Browser();
        (await fss.SignInAsync("supervisor@fss.example", app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await fss.GetStringAsync(new Uri("/supervision/separation-exemptions", UriKind.Relative), TestContext.Current.CancellationToken);
        page.ShouldContain("href=\"supervision/separation-exemptions/export.xlsx\"");
        var response = await fss.GetAsync(new Uri("/supervision/separation-exemptions/export.xlsx?kind=SandboxDesignation&saas=m365", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        rows[0].InnerText.ShouldContain("기관");
        rows[0].InnerText.ShouldContain("기한 경과 점검");
        rows.ShouldContain(r => r.InnerText.Contains(shared.Title) && r.InnerText.Contains("혁신금융서비스"));
        rows.ShouldNotContain(r => r.InnerText.Contains(unshared.Title));

        using var institution = app.Browser();
        (await institution.SignInAsync("officer@hanbit.example", app.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await institution.GetAsync(new Uri("/supervision/separation-exemptions/export.xlsx", UriKind.Relative), TestContext.Current.CancellationToken))
            .StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    /// <summary>An active exemption with every control met, a data set whose scan found a 주민등록번호, shared; and one not shared.</summary>
    private static Task<(SeparationExemption Shared, SeparationExemption Unshared)> SharedAndUnsharedAsync(FinCloudApp app, TimeProvider clock, Guid bank) =>
        app.AtAsync(clock, bank, async db =>
        {
            var (a, _) = await RegisterExemption.HandleAsync(db, SeparationScope.M365("IFS-20240927-N04", DataCategory.UniqueIdentifier) with { Title = "공유한 M365 " + Guid.NewGuid().ToString("N")[..6] }, CancellationToken.None);
            await SeparationScope.MeetEverythingAsync(db, a!, new DateOnly(2026, 10, 1));
            await ActivateExemption.HandleAsync(db, a!.Id, CancellationToken.None);
            var dataSet = await DataSets.AddAsync(db, a.Id, "협업 문서 표본", CancellationToken.None);
            await DataSets.RecordScanAsync(db, dataSet!.Id, new string('c', 64), [new FindingCount("rrn", 3)], CancellationToken.None);
            await SupervisorView.ShareAsync(db, a.Id, CancellationToken.None);
            var (b, _) = await RegisterExemption.HandleAsync(db, SeparationScope.M365() with { Title = "공유하지 않은 예외 " + Guid.NewGuid().ToString("N")[..6] }, CancellationToken.None);
            return (a, b!);
        });
}
