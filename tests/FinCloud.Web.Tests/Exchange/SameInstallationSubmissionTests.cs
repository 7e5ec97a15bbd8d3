using System.Net;
using System.Net.Http.Json;
using FinCloud.Core.Audit;
using FinCloud.Core.Features.Supervision;
using FinCloud.Core.Identity;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Features.Supervision;
using FinCloud.Web.Tests.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinCloud.Web.Tests.Exchange;

/// <summary>The institution and the FSS in one installation: submitting shares the package, the FSS inbox receives it.</summary>
public sealed class SameInstallationSubmissionTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_submitted_package_appears_in_the_fss_inbox_and_a_supplementation_request_reaches_the_institution(string provider)
    {
        var app = await apps.GetAsync(provider);
        var bank = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var fss = await app.OrganizationIdAsync("금융감독원");
        var service = await CloudUseSetup.ServiceAsync(app, bank);
        var c = await CloudUseSetup.OpenAsync(app, bank, service, personalCreditInfo: true);
        await CloudUseSetup.ApproveAsync(app, bank, c.Case.Id);
        var store = app.Services.GetRequiredService<EvidenceStore>();
        var package = await app.WithDbAsync(async db =>
            ((Created<ReportPackageDto>)(await ReportPackageApi.GenerateAsync(c.Case.Id, db, store, CancellationToken.None)).Result).Value!, bank);

        var (_, fssKey) = await app.CreateApiKeyAsync(fss, OrganizationRole.Administrator);
        using var fssApi = app.ApiClient(fssKey);
        var before = await FinCloudApp.ReadAsync<List<SubmissionDto>>(await fssApi.GetAsync("/api/supervision/submissions", Ct));
        before.ShouldNotContain(s => s.Title == "고객상담 챗봇" && s.PackageSha256 == package.Sha256, "a generated package is not shared until submitted");

        var (_, bankKey) = await app.CreateApiKeyAsync(bank, OrganizationRole.Administrator);
        using var bankApi = app.ApiClient(bankKey);
        using (var submit = await bankApi.PostAsJsonAsync($"/api/cloud-use/cases/{c.Case.Id}/report-packages/{package.Id}/submission",
                   new SubmitPackageRequest("금융감독원 보고서 제출 시스템"), FinCloudApp.Json, Ct))
        {
            submit.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var inbox = await FinCloudApp.ReadAsync<List<SubmissionDto>>(await fssApi.GetAsync("/api/supervision/submissions", Ct));
        var received = inbox.Single(s => s.PackageSha256 == package.Sha256);
        received.Channel.ShouldBe(SubmissionChannel.SameInstallation);
        received.DueOn.ShouldBe(package.DueBy);
        received.Status.ShouldBe(SubmissionStatus.Received);
        (await FinCloudApp.ReadAsync<List<SubmissionDto>>(await fssApi.GetAsync("/api/supervision/submissions", Ct)))
            .Count(s => s.PackageSha256 == package.Sha256).ShouldBe(1, "listing again does not copy the package twice");

        // The FSS reads the report as the institution sent it: the package, byte for byte (its hash is the inbox's).
        using (var download = await fssApi.GetAsync($"/api/supervision/submissions/{received.Id}/package", Ct))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await download.Content.ReadAsByteArrayAsync(Ct))).ShouldBe(package.Sha256);
        }

        (await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Type == AuditEventType.SharedRecordRead && e.EntityId == package.Id.ToString()), fss))
            .ShouldBe(2, "receiving it and downloading it are both reads of the institution's record");
        (await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Type == AuditEventType.SharedWithSupervisor && e.EntityId == package.Id.ToString()), bank)).ShouldBeTrue();

        using (var ask = await fssApi.PostAsJsonAsync($"/api/supervision/submissions/{received.Id}/supplementation",
                   new SupplementationRequestBody("계약서 사본을 첨부하십시오.", null), FinCloudApp.Json, Ct))
        {
            ask.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var requests = await FinCloudApp.ReadAsync<List<ReceivedRequestDto>>(await bankApi.GetAsync("/api/supervision/requests", Ct));
        requests.ShouldHaveSingleItem().Message.ShouldBe("계약서 사본을 첨부하십시오.");

        // Another institution neither sees the FSS's inbox nor the bank's request.
        var (_, otherKey) = await app.CreateApiKeyAsync(other, OrganizationRole.Administrator);
        using var otherApi = app.ApiClient(otherKey);
        (await FinCloudApp.ReadAsync<List<SubmissionDto>>(await otherApi.GetAsync("/api/supervision/submissions", Ct))).ShouldBeEmpty();
        (await FinCloudApp.ReadAsync<List<ReceivedRequestDto>>(await otherApi.GetAsync("/api/supervision/requests", Ct))).ShouldBeEmpty();
        (await otherApi.GetAsync($"/api/supervision/submissions/{received.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherApi.GetAsync($"/api/supervision/submissions/{received.Id}/package", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bankApi.GetAsync($"/api/supervision/submissions/{received.Id}/package", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the FSS's inbox record is the FSS's");
    }
}
