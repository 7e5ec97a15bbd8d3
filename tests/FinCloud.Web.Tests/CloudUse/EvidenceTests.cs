using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinCloud.Core.Audit;
using FinCloud.Core.CloudUse;
using FinCloud.Core.Deadlines;
using FinCloud.Core.Identity;
using FinCloud.Web.Features.CloudUse;
using FinCloud.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinCloud.Web.Tests.CloudUse;

/// <summary>
/// 증빙: 기준일·유효기한 given with an upload, checked, and on the deadline board until a renewal replaces them; 검토 with
/// four eyes (never the uploader), the newest version only, a reason when rework is needed.
/// </summary>
public sealed class EvidenceTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Upload(string label, string? effectiveOn, string? validUntil)
    {
        var file = new ByteArrayContent("%PDF-1.7 취약점 점검 결과"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent { { new StringContent(label), "label" }, { file, "file", "pentest.pdf" } };
        if (effectiveOn is not null)
        {
            form.Add(new StringContent(effectiveOn), "effectiveOn");
        }

        if (validUntil is not null)
        {
            form.Add(new StringContent(validUntil), "validUntil");
        }

        return form;
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Expiring_evidence_is_on_the_board_until_a_renewal_of_the_same_name_replaces_it(string provider)
    {
        var app = await apps.GetAsync(provider);
        var org = await app.CreateOrganizationAsync();
        var caseId = (await CloudUseSetup.OpenAsync(app, org, await CloudUseSetup.ServiceAsync(app, org), personalCreditInfo: false)).Case.Id;
        using var client = app.ApiClient((await app.CreateApiKeyAsync(org, OrganizationRole.Officer)).Secret);
        var url = new Uri($"/api/cloud-use/cases/{caseId}/evidence", UriKind.Relative);

        // Refused, naming the field, and nothing stored.
        foreach (var (form, field) in new[]
        {
            (Upload("모의해킹 결과", "2026-13-01", null), "effectiveOn"),
            (Upload("모의해킹 결과", null, "30/11/2027"), "validUntil"),
            (Upload("모의해킹 결과", "2026-11-01", "2026-10-31"), "validUntil"),
        })
        {
            using (form)
            {
                using var refused = await client.PostAsync(url, form, Ct);
                refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
                (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(field);
            }
        }

        (await app.WithDbAsync(db => db.EvidenceFiles.CountAsync(f => f.CaseId == caseId, Ct), org)).ShouldBe(0);

        using (var form = Upload("모의해킹 결과", "2026-11-02", "2027-11-01"))
        {
            using var created = await client.PostAsync(url, form, Ct);
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
            var dto = await FinCloudApp.ReadAsync<EvidenceDto>(created);
            (dto.EffectiveOn, dto.ValidUntil).ShouldBe((new DateOnly(2026, 11, 2), new DateOnly(2027, 11, 1)));
        }

        using (var form = Upload("계약서", "2026-11-30", null))
        {
            (await client.PostAsync(url, form, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);   // does not expire: no deadline
        }

        var board = await app.WithDbAsync(db => new CloudUseDeadlines().OpenDeadlinesAsync(db, Ct), org);
        var expiry = board.Single(d => d.Category == DeadlineCategory.Evidence);
        expiry.DueOn.ShouldBe(new DateOnly(2027, 11, 1));
        expiry.Title.ShouldStartWith("증빙 유효기한: 모의해킹 결과 v1: ");
        expiry.Basis!.ShouldContain("기준일 2026-11-02");
        expiry.Link.ShouldBe($"/cloud-use/cases/{caseId}");
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Type == AuditEventType.EvidenceUploaded).Select(e => e.After!).ToListAsync(Ct), org);
        audit.ShouldContain(a => a.EndsWith("; effective=2026-11-02; valid-until=2027-11-01", StringComparison.Ordinal));

        // A renewal under the same name replaces the expiring version on the board.
        using (var form = Upload("모의해킹 결과", "2027-10-15", "2028-10-14"))
        {
            (await client.PostAsync(url, form, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        board = await app.WithDbAsync(db => new CloudUseDeadlines().OpenDeadlinesAsync(db, Ct), org);
        var renewed = board.Single(d => d.Category == DeadlineCategory.Evidence);
        renewed.DueOn.ShouldBe(new DateOnly(2028, 10, 14));
        renewed.Title.ShouldStartWith("증빙 유효기한: 모의해킹 결과 v2: ");
    }

    [Fact]
    public void Validity_turns_to_expiring_thirty_days_before_and_to_expired_the_day_after()
    {
        var until = new DateOnly(2027, 1, 31);
        EvidenceFile.ValidityOn(null, until).ShouldBe(EvidenceValidity.Open);
        EvidenceFile.ValidityOn(until, until.AddDays(-31)).ShouldBe(EvidenceValidity.Valid);
        EvidenceFile.ValidityOn(until, until.AddDays(-30)).ShouldBe(EvidenceValidity.ExpiringSoon);
        EvidenceFile.ValidityOn(until, until).ShouldBe(EvidenceValidity.ExpiringSoon);
        EvidenceFile.ValidityOn(until, until.AddDays(1)).ShouldBe(EvidenceValidity.Expired);
        EvidenceFile.DatesProblem(until, until).ShouldBeNull();
        EvidenceFile.DatesProblem(until, until.AddDays(-1)).ShouldNotBeNull();
        EvidenceFile.DatesProblem(null, until).ShouldBeNull();
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
        using (var form = Upload("업무연속성 계획서", null, null))
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
        using (var form = Upload("업무연속성 계획서", null, null))
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
