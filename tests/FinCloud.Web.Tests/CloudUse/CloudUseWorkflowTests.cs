using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Rules.CloudUse;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.CloudUse;

public sealed class CloudUseWorkflowTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static Task<List<AuditEventType>> EventsAsync(FinCloudApp app, Guid organizationId) =>
        app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync(), organizationId);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_saas_handling_personal_credit_information_is_material_with_a_post_report_three_months_after_signing(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, org);
        var c = await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: true);

        c.Case.IsMaterial.ShouldBeTrue();
        c.Case.ReportKind.ShouldBe(SupervisorReportKind.PostReport);
        // Signed Monday 2026-11-30: three months end 2027-02-28 (a Sunday), so the report is due on Monday 2027-03-02 after 삼일절.
        c.Case.ReportDueBy.ShouldBe(new DateOnly(2027, 3, 2));
        var keys = c.Tasks.Select(t => t.Key).ToList();
        keys.ShouldContain(TaskPlanner.ImportanceAssessment);
        keys.ShouldContain(TaskPlanner.CspEvaluation);
        keys.ShouldContain(TaskPlanner.DomesticLocation);
        keys.ShouldContain(TaskPlanner.CommitteeResolution);
        keys.ShouldContain("supervisor-report:new-contract");
        c.Tasks.Single(t => t.Key == TaskPlanner.BusinessContinuityPlan).Requirement.ShouldBe(StepRequirement.Required);
        c.Decision.GetProperty("citations").GetArrayLength().ShouldBeGreaterThan(0);
        c.Versions.ShouldHaveSingleItem().RegimeId.ShouldBe(c.Case.RegimeId);
        (await EventsAsync(app, org)).ShouldContain(AuditEventType.CloudUseCaseOpened);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_same_case_for_non_material_work_shows_relaxed_steps_and_no_fss_report(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, org);
        var c = await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: false);

        c.Case.IsMaterial.ShouldBeFalse();
        c.Case.ReportDueBy.ShouldBeNull();
        c.Tasks.ShouldNotContain(t => t.Key.StartsWith("supervisor-report:", StringComparison.Ordinal) && t.DueBy != null);
        c.Tasks.Single(t => t.Key == TaskPlanner.BusinessContinuityPlan).Requirement.ShouldBe(StepRequirement.Relaxed);
        c.Tasks.Single(t => t.Key == TaskPlanner.SecurityMeasures).Requirement.ShouldBe(StepRequirement.Relaxed);
        c.Tasks.ShouldNotContain(t => t.Key == TaskPlanner.DomesticLocation);

        var form = await app.WithDbAsync(async db => ((Ok<FormDto>)(await WorkFormsApi.GetFormAsync(c.Case.Id, WorkFormKind.SecurityMeasures, db, CancellationToken.None)).Result).Value!, org);
        form.Relaxed.ShouldBeTrue();
        var scope = await app.WithDbAsync(db => WorkFormsApi.EvaluationFormAsync(db, c.Case.Id, CancellationToken.None), org);
        scope!.Items.ShouldAllBe(i => i.Class == Rules.Catalogue.ItemClass.Mandatory);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Changing_a_fact_after_approval_invalidates_the_approval_and_creates_a_new_deadline(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, org);
        var c = await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: true);
        var resolution = await CloudUseSetup.ApproveAsync(app, org, c.Case.Id);
        resolution.Item.Outcome.ShouldBe(ResolutionOutcome.Approved);
        var approved = await app.WithDbAsync(db => db.CloudUseCases.AsNoTracking().SingleAsync(x => x.Id == c.Case.Id), org);
        approved.ApprovedVersion.ShouldBe(1);
        approved.State.ShouldBe(CaseState.Approved);

        var revised = await app.WithDbAsync(async db =>
            ((Ok<CaseDto>)(await CloudUseApi.RecordEventAsync(c.Case.Id, new RecordEventRequest(CloudUseEventType.NewWork, new DateOnly(2027, 4, 15), "상담 이력 분석 추가"), db, CancellationToken.None)).Result).Value!, org);

        revised.Case.CurrentVersion.ShouldBe(2);
        revised.Case.ApprovedVersion.ShouldBeNull();
        revised.Case.State.ShouldBe(CaseState.Planning);
        var newReport = revised.Tasks.Single(t => t.Key == "supervisor-report:new-work:2027-04-15");
        newReport.DueBy.ShouldBe(new DateOnly(2027, 7, 15));
        newReport.PlannedInVersion.ShouldBe(2);
        revised.Tasks.Single(t => t.Key == TaskPlanner.CommitteeResolution).Status.ShouldBe(TaskState.Open);
        var events = await EventsAsync(app, org);
        events.ShouldContain(AuditEventType.CloudUseCaseRevised);
        events.ShouldContain(AuditEventType.CloudUseApprovalInvalidated);

        var diff = await app.WithDbAsync(async db => ((Ok<List<FieldChange>>)(await CloudUseApi.DiffAsync(c.Case.Id, 2, db, CancellationToken.None)).Result).Value!, org);
        diff.ShouldContain(d => d.Field == "scenario.events[0].type" && d.After == "new-work");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_resolution_without_quorum_is_refused_and_a_material_one_creates_a_board_report_item(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, org);
        var c = await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: true);

        var refused = await app.WithDbAsync(async db =>
        {
            var meeting = (await CommitteeApi.ScheduleAsync(new ScheduleMeetingRequest("임시회의", CloudUseSetup.AsOf), db, CancellationToken.None)).Value!;
            var item = ((Created<AgendaItemDto>)(await CommitteeApi.TableCaseAsync(meeting.Id, c.Case.Id, db, CancellationToken.None)).Result).Value!;
            return (await CommitteeApi.ResolveAsync(item.Id, new ResolveRequest("가결", false), db, CancellationToken.None)).Result;
        }, org);
        refused.ShouldBeOfType<Conflict<string>>().Value.ShouldBe("quorum-not-met");

        var resolution = await CloudUseSetup.ApproveAsync(app, org, c.Case.Id, material: true);
        resolution.BoardReportCreated.ShouldBeTrue();
        (await app.WithDbAsync(db => db.BoardReportItems.CountAsync(), org)).ShouldBe(1);
        var events = await EventsAsync(app, org);
        events.ShouldContain(AuditEventType.CommitteeVoteCast);
        events.ShouldContain(AuditEventType.CommitteeResolved);
        events.ShouldContain(AuditEventType.BoardReportItemCreated);
        (await app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None), org)).IsIntact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Evidence_is_stored_with_its_sha256_versioned_by_name_and_unknown_types_are_refused(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, org);
        var c = await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: true);
        var store = app.Services.GetRequiredService<EvidenceStore>();
        var pdf = "%PDF-1.4\n% 업무연속성 계획\n"u8.ToArray();

        var (first, second, refused) = await app.WithDbAsync(async db =>
        {
            var a = await EvidenceApi.UploadAsync(db, store, c.Case.Id, null, "업무연속성 계획", "bcp.pdf", new MemoryStream(pdf), CancellationToken.None);
            var b = await EvidenceApi.UploadAsync(db, store, c.Case.Id, null, "업무연속성 계획", "bcp-v2.pdf", new MemoryStream([.. pdf, .. "추가"u8.ToArray()]), CancellationToken.None);
            var x = await EvidenceApi.UploadAsync(db, store, c.Case.Id, null, "실행 파일", "tool.exe", new MemoryStream("MZ\u0090\0"u8.ToArray()), CancellationToken.None);
            return (a, b, x);
        }, org);

        first.IsOk.ShouldBeTrue();
        first.Value!.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        first.Value.ContentType.ShouldBe("application/pdf");
        second.Value!.Version.ShouldBe(2);
        refused.IsOk.ShouldBeFalse();
        File.Exists(store.PathOf(await app.WithDbAsync(db => db.EvidenceFiles.Where(f => f.Id == first.Value.Id).Select(f => f.StorageKey).SingleAsync(), org))).ShouldBeTrue();
        Directory.EnumerateFiles(Path.Combine(store.Root, "tmp")).ShouldBeEmpty();
        (await EventsAsync(app, org)).Count(e => e == AuditEventType.EvidenceUploaded).ShouldBe(2);
    }
}

public sealed class ReportPackageTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_package_needs_an_approval_of_the_current_version_and_lists_every_file_with_its_hash(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, org);
        var c = await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: true);
        var store = app.Services.GetRequiredService<EvidenceStore>();
        var early = await app.WithDbAsync(async db => (await ReportPackageApi.GenerateAsync(c.Case.Id, db, store, CancellationToken.None)).Result, org);
        early.ShouldBeOfType<Conflict<string>>().Value.ShouldBe("not-approved");

        await CloudUseSetup.ApproveAsync(app, org, c.Case.Id);
        (await app.WithDbAsync(async db =>
        {
            using var pdf = new MemoryStream("%PDF-1.7 모의해킹"u8.ToArray());
            return (await EvidenceApi.UploadAsync(db, store, c.Case.Id, null, "모의해킹 결과", "pentest.pdf", pdf, CancellationToken.None,
                new DateOnly(2026, 11, 2), new DateOnly(2027, 11, 1))).IsOk;
        }, org)).ShouldBeTrue();
        var package = await app.WithDbAsync(async db =>
            ((Created<ReportPackageDto>)(await ReportPackageApi.GenerateAsync(c.Case.Id, db, store, CancellationToken.None)).Result).Value!, org);
        package.DueBy.ShouldBe(new DateOnly(2027, 3, 2));
        package.DueComputation.ShouldContain("2026-11-30");

        var key = await app.WithDbAsync(db => db.ReportPackages.Where(p => p.Id == package.Id).Select(p => p.StorageKey).SingleAsync(), org);
        await using (var zip = File.OpenRead(store.PathOf(key)))
        {
            var verification = FinCloud.Documents.ReportBundle.Verify(zip);
            verification.Problems.ShouldBeEmpty();
            verification.Manifest!.Files.Select(f => f.Path).ShouldBe(["report.docx", "report.pdf", "annex.xlsx", "case.json"], ignoreOrder: true);
            zip.Position = 0;
            using var archive = new System.IO.Compression.ZipArchive(zip);
            using var json = System.Text.Json.JsonDocument.Parse(archive.GetEntry("case.json")!.Open());
            var listed = json.RootElement.GetProperty("evidence").EnumerateArray().Single();
            (listed.GetProperty("effectiveOn").GetString(), listed.GetProperty("validUntil").GetString()).ShouldBe(("2026-11-02", "2027-11-01"));
        }

        var submitted = await app.WithDbAsync(async db =>
            ((Ok<ReportPackageDto>)(await ReportPackageApi.SubmitAsync(c.Case.Id, package.Id, new SubmitPackageRequest("금융감독원 보고서 제출 시스템"), db, CancellationToken.None)).Result).Value!, org);
        submitted.State.ShouldBe(ReportPackageState.Submitted);
        var events = await app.WithDbAsync(db => db.AuditEvents.Select(e => e.Type).ToListAsync(), org);
        events.ShouldContain(AuditEventType.ReportPackageGenerated);
        events.ShouldContain(AuditEventType.ReportPackageSubmitted);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Non_material_work_gets_no_fss_report_package(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, org);
        var c = await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: false);
        await CloudUseSetup.ApproveAsync(app, org, c.Case.Id);
        var store = app.Services.GetRequiredService<EvidenceStore>();
        var result = await app.WithDbAsync(async db => (await ReportPackageApi.GenerateAsync(c.Case.Id, db, store, CancellationToken.None)).Result, org);
        result.ShouldBeOfType<Conflict<string>>().Value.ShouldBe("no-report-required");
    }
}
