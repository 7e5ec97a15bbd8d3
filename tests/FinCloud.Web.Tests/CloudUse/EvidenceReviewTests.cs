using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Identity;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.CloudUse;

/// <summary>증빙 검토: four eyes (never the uploader), the newest version only, a note when rework is needed.</summary>
public sealed class EvidenceReviewTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Upload(string label)
    {
        var file = new ByteArrayContent("%PDF-1.7 업무연속성 계획"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { new StringContent(label), "label" }, { file, "file", "bcp.pdf" } };
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Someone_other_than_the_uploader_reviews_the_newest_version(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var caseId = (await CloudUseSetup.OpenAsync(app, org, await CloudUseSetup.ServiceAsync(app, org), personalCreditInfo: false)).Case.Id;
        using var officer = app.ApiClient((await app.CreateApiKeyAsync(org, OrganizationRole.Officer)).Secret);
        using var ciso = app.ApiClient((await app.CreateApiKeyAsync(org, OrganizationRole.Ciso)).Secret);
        var url = $"/api/cloud-use/cases/{caseId}/evidence";
        EvidenceDto first;
        using (var form = Upload("업무연속성 계획서"))
        {
            first = await FinCloudApp.ReadAsync<EvidenceDto>(await officer.PostAsync(url, form, Ct));
        }

        async Task<HttpResponseMessage> ReviewAsync(HttpClient client, Guid id, ReviewEvidenceRequest request) =>
            await client.PostAsJsonAsync($"{url}/{id}/review", request, FinCloudApp.Json, Ct);

        using (var own = await ReviewAsync(officer, first.Id, new ReviewEvidenceRequest(EvidenceReview.Accepted)))
        {
            own.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await own.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString().ShouldBe("own-evidence");
        }

        using (var noNote = await ReviewAsync(ciso, first.Id, new ReviewEvidenceRequest(EvidenceReview.NeedsRework, "  ")))
        {
            noNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await noNote.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("note", out _).ShouldBeTrue();
        }

        var rework = await FinCloudApp.ReadAsync<EvidenceDto>(await ReviewAsync(ciso, first.Id, new ReviewEvidenceRequest(EvidenceReview.NeedsRework, "복구 목표 시간(RTO) 근거가 빠졌습니다.")));
        (rework.Review, rework.ReviewNote).ShouldBe((EvidenceReview.NeedsRework, "복구 목표 시간(RTO) 근거가 빠졌습니다."));

        EvidenceDto second;
        using (var form = Upload("업무연속성 계획서"))
        {
            second = await FinCloudApp.ReadAsync<EvidenceDto>(await officer.PostAsync(url, form, Ct));
        }

        second.Review.ShouldBeNull();
        using (var stale = await ReviewAsync(ciso, first.Id, new ReviewEvidenceRequest(EvidenceReview.Accepted)))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await stale.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString().ShouldBe("evidence-superseded");
        }

        (await ReviewAsync(ciso, second.Id, new ReviewEvidenceRequest(EvidenceReview.Accepted))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = await officer.GetFromJsonAsync<List<EvidenceDto>>(url, FinCloudApp.Json, Ct);
        listed!.Select(e => (e.Version, e.Review)).ShouldBe([(1, EvidenceReview.NeedsRework), (2, EvidenceReview.Accepted)]);

        // Audited without the free-text note.
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Type == AuditEventType.EvidenceReviewed).OrderBy(e => e.Sequence).Select(e => e.Before + " → " + e.After).ToListAsync(Ct), org);
        audit.ShouldBe([$"unreviewed → NeedsRework; case={caseId}; version=1", $"unreviewed → Accepted; case={caseId}; version=2"]);
    }
}
