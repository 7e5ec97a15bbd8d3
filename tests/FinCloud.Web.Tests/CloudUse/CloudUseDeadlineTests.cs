using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Deadlines;
using FinCloud.Core.Identity;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Rules.Catalogue;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.CloudUse;

public sealed class CloudUseDeadlineTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static Task<IReadOnlyList<Deadline>> DeadlinesAsync(FinCloudApp app, Guid organizationId) =>
        app.WithDbAsync(db => new CloudUseDeadlines().OpenDeadlinesAsync(db, CancellationToken.None), organizationId);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_fss_post_report_of_a_material_case_is_on_the_deadline_board_until_the_task_is_done(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, org);
        var c = await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: true);

        var report = (await DeadlinesAsync(app, org)).Single(d => d.Category == DeadlineCategory.CloudUseReport);
        // Signed 2026-11-30 + 3 months = 2027-02-28 (Sunday), 3/1 삼일절 → 2027-03-02 (민법 제161조).
        report.DueOn.ShouldBe(new DateOnly(2027, 3, 2));
        report.Link.ShouldBe($"/cloud-use/cases/{c.Case.Id}");
        report.Title.ShouldContain("고객상담 챗봇");
        report.Basis.ShouldNotBeNullOrWhiteSpace();
        (await DeadlinesAsync(app, other)).ShouldBeEmpty();

        var task = c.Tasks.Single(t => t.Key.StartsWith("supervisor-report:", StringComparison.Ordinal));
        await app.WithDbAsync(async db =>
            (await CloudUseApi.UpdateTaskAsync(c.Case.Id, task.Id, new UpdateTaskRequest(TaskState.Done, null, null), db, CancellationToken.None)).Result.ShouldBeOfType<Ok<TaskDto>>(), org);
        (await DeadlinesAsync(app, org)).ShouldNotContain(d => d.Category == DeadlineCategory.CloudUseReport);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_certificate_runs_out_under_its_schemes_own_name_and_only_the_newest_counts(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, org);
        await app.WithDbAsync(async db =>
        {
            var providerId = await db.CloudServices.Where(s => s.Id == service).Select(s => s.ProviderId).SingleAsync();
            await RegistryApi.RecordCertificateAsync(providerId, new RecordCertificateRequest(CertificationScheme.Iso27001, new DateOnly(2024, 1, 1), new DateOnly(2027, 1, 31), null), db, CancellationToken.None);
            // Renewed: the expiring certificate no longer has a deadline of its own.
            await RegistryApi.RecordCertificateAsync(providerId, new RecordCertificateRequest(CertificationScheme.Iso27001, new DateOnly(2027, 1, 1), new DateOnly(2030, 1, 31), null), db, CancellationToken.None);
            await RegistryApi.RecordCertificateAsync(providerId, new RecordCertificateRequest(CertificationScheme.IsmsP, new DateOnly(2025, 6, 1), new DateOnly(2028, 5, 31), null), db, CancellationToken.None);
            return 0;
        }, org);

        var certificates = (await DeadlinesAsync(app, org)).Where(d => d.Category == DeadlineCategory.Certificate).OrderBy(d => d.DueOn).ToList();

        certificates.Select(d => d.DueOn).ShouldBe([new DateOnly(2028, 5, 31), new DateOnly(2030, 1, 31)]);
        certificates[0].Title.ShouldStartWith("CSP 인증 만료: 테스트클라우드 ");
        certificates[0].Title.ShouldEndWith(" ISMS-P");
        certificates[1].Title.ShouldEndWith(" ISO/IEC 27001");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Non_material_work_puts_no_fss_report_on_the_board(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, org);
        await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: false);

        (await DeadlinesAsync(app, org)).ShouldNotContain(d => d.Category == DeadlineCategory.CloudUseReport);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Only_a_ciso_may_flag_a_resolution_for_the_board_and_an_api_key_never(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var service = await CloudUseSetup.ServiceAsync(app, org);
        var c = await CloudUseSetup.OpenAsync(app, org, service, personalCreditInfo: true);
        var itemId = await app.WithDbAsync(async db =>
        {
            await CommitteeApi.EnsureCommitteeAsync(db, CancellationToken.None);
            await db.SaveChangesAsync();
            var meeting = (await CommitteeApi.ScheduleAsync(new ScheduleMeetingRequest("임시회의", CloudUseSetup.AsOf), db, CancellationToken.None)).Value!;
            return ((Created<AgendaItemDto>)(await CommitteeApi.TableCaseAsync(meeting.Id, c.Case.Id, db, CancellationToken.None)).Result).Value!.Id;
        }, org);

        foreach (var role in new[] { OrganizationRole.Officer, OrganizationRole.Ciso })
        {
            var (_, secret) = await app.CreateApiKeyAsync(org, role);
            using var client = app.ApiClient(secret);
            var response = await client.PostAsJsonAsync($"/api/cloud-use/committee/agenda/{itemId}/resolution", new { text = "가결", flaggedMaterial = true }, TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, role.ToString());
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            problem.GetProperty("errors").TryGetProperty("flaggedMaterial", out _).ShouldBeTrue();
        }

        (await app.WithDbAsync(db => db.BoardReportItems.CountAsync(), org)).ShouldBe(0);
    }
}
